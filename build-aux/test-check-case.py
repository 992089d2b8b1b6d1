#!/usr/bin/python3
# test-check-case.py: check-case.py on a small tree it has not seen, made
# here, with texts in the right case and texts in the wrong one.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-check-case.py PATH/TO/check-case.py
#
# Every wrong text must be named in the output, in the case it should be in,
# and nothing else; a tree of only right texts must pass; --only keeps to
# one case.

import os
import subprocess
import sys
import tempfile

UI = '''<?xml version="1.0" encoding="UTF-8"?>
<interface>
  <template class="RdFixtureRow" parent="AdwActionRow">
    <property name="title" translatable="yes">%(template_row)s</property>
  </template>
  <object class="GtkBox">
    <child>
      <object class="AdwPreferencesGroup">
        <property name="title" translatable="yes">People in This Case</property>
        <property name="description" translatable="yes">%(group_description)s</property>
        <child>
          <object class="AdwActionRow">
            <property name="title" translatable="yes">%(row_title)s</property>
            <property name="subtitle" translatable="yes">Due on Friday 3 May</property>
          </object>
        </child>
        <child>
          <object class="AdwComboRow">
            <property name="title" translatable="yes">%(combo_title)s</property>
          </object>
        </child>
      </object>
    </child>
    <child>
      <object class="GtkCheckButton">
        <property name="label" translatable="yes">%(check_label)s</property>
      </object>
    </child>
    <child>
      <object class="GtkButton">
        <property name="label" translatable="yes">%(button_label)s</property>
        <property name="tooltip-text" translatable="yes">%(button_tooltip)s</property>
      </object>
    </child>
    <child>
      <object class="GtkSearchEntry">
        <property name="placeholder-text" translatable="yes">%(placeholder)s</property>
        <accessibility>
          <property name="label" translatable="yes">%(accessible_label)s</property>
        </accessibility>
      </object>
    </child>
    <child>
      <object class="GtkShortcutsShortcut">
        <property name="title" translatable="yes">%(shortcut)s</property>
      </object>
    </child>
    <child>
      <object class="GtkLabel">
        <!-- a plain label is neither: nothing to check -->
        <property name="label" translatable="yes">Whatever Case It Likes</property>
      </object>
    </child>
  </object>
</interface>
'''

C = '''/* rd-fixture.c: texts of each kind, as the GUI's C sources give them. */
G_DEFINE_FINAL_TYPE (RdFixtureDialog, rd_fixture_dialog, ADW_TYPE_WINDOW)

static const char * const step_titles[] = {
  N_("%(c_table_title)s"),
};

typedef struct {
  const char *name;
  const char *title;
  const char *label;  /* a tick box's words: sentence case */
} FixturePage;

static const FixturePage pages[] = {
  { "diary", N_("%(c_typed_title)s"), N_("%(c_typed_label)s") },
};

static const struct {
  int         kind;
  const char *tooltip;
  const char *badge;
} kinds[] = {
  { 1, .tooltip = N_("%(c_struct_tooltip)s"), N_("Any Badge At All") },
};

static void
fill (GtkWidget *widget, AdwActionRow *row)
{
  /* The rows' titles, in sentence case. */
  static const char * const level_titles[] = { N_("%(c_commented_table)s") };
  GtkWidget *group = g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                                   "title", _("%(c_new_title)s"),
                                   "description", _("%(c_new_description)s"), NULL);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", _("Any Label At All"), NULL);
  GtkWidget *dialog = g_object_new (RD_TYPE_FIXTURE_DIALOG, "title", _("%(c_subclass_title)s"), NULL);

  g_object_set (row, "subtitle", _("%(c_set_subtitle)s"), NULL);
  g_object_set (ADW_STATUS_PAGE (widget), "description", _("%(c_cast_description)s"), NULL);
  const char *title = _("%(c_title)s");
  const char *subtitle = _("%(c_subtitle)s");

  gtk_widget_set_tooltip_text (widget, _("%(c_tooltip)s"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("%(c_row_title)s"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, _("Any Text At All"),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("%(c_accessible)s"), -1);
  /* gtk_widget_set_tooltip_text (widget, _("A Comment Is Not Code")); */
}
'''

CORE = '''/* rd-fixture-keys.c: the core's labels, as its tables, variables and functions keep them. */
static const struct {
  const char *key;
  const char *label;
} kinds[] = {
  { "noise", N_("%(core_table_label)s") },
};

static const struct {
  const char *key;
  const char *label;
} risks[2] = {
  [0] = { "high", N_("%(core_indexed_label)s") },
};

/* How a date was found, shown after it: words inside a sentence. */
static const struct {
  const char *key;
  const char *label;
} sources[] = {
  { "exif", N_("taken, from The Camera") },
};

static const char * const group_labels[] = { N_("%(core_group_label)s") };
static const char * const keys[] = { N_("Any Key At All") };

const char *
rd_fixture_service_get_label (int service)
{
  switch (service)
    {
    case 0: return _("%(core_function_label)s");
    default: return NULL;
    }
}

/* The unit, after an amount: inside a sentence. */
const char *
rd_fixture_unit_get_label (int unit)
{
  return _("working Days Or Not");
}

static void
fill (Deadline *d)
{
  g_autofree char *title = g_strdup_printf (_("%(core_title)s"), 1);

  d->title = g_strdup (_("%(core_field_title)s"));
  d->summary = g_strdup (_("Any Summary At All"));
}
'''

RIGHT = {
    'template_row': 'Refer the complaint to the Housing Ombudsman',
    'group_description': 'Photos and letters. Add files on the “Evidence” page.',
    'row_title': 'Stage 2 under the Complaint Handling Code',
    'combo_title': 'Type of tenancy',
    'check_label': '_Remember my choice',
    'button_label': '_Add a Step',
    'button_tooltip': 'Use “Add a Step” to add one',
    'placeholder': 'Search the diary',
    'accessible_label': 'Show one category',
    'shortcut': 'Go to “What Next”',
    'c_title': 'Write a Chaser',
    'c_subtitle': 'Due in 5 working days, on Monday',
    'c_tooltip': 'Press Ctrl+Z to undo',
    'c_row_title': 'Neighbour A',
    'c_accessible': 'Order of the cases',
    'c_table_title': 'What Is Wrong',
    'c_typed_title': 'What Next',
    'c_typed_label': 'Show the diary first',
    'c_struct_tooltip': 'Show the deadlines first',
    'c_commented_table': 'High risk',
    'c_new_title': 'Add Something You Told Them',
    'c_new_description': 'It goes into your contact log',
    'c_subclass_title': 'Landlord’s Complaints Policy',
    'c_set_subtitle': 'Chosen by you',
    'c_cast_description': 'Nothing here yet',
    'core_table_label': 'Harassment or threats',
    'core_indexed_label': 'High risk',
    'core_group_label': 'Due in the next 5 working days',
    'core_function_label': 'Hot water',
    'core_title': 'Stage %u response',
    'core_field_title': 'First response to an ASB report',
}
# The wrong texts, and the case each should be in.
WRONG = {
    'template_row': ('Refer the Complaint to the Ombudsman', 'sentence'),
    'group_description': ('photos and letters. Add files here.', 'sentence'),
    'row_title': ('Save Complaint', 'sentence'),
    'combo_title': ('Type Of Tenancy', 'sentence'),
    'check_label': ('_Remember My Choice', 'sentence'),
    'button_label': ('_Add a step', 'header'),
    'button_tooltip': ('Copy The List', 'sentence'),
    'placeholder': ('Search Diary', 'sentence'),
    'accessible_label': ('Show One Category', 'sentence'),
    'shortcut': ('Go to What Next', 'sentence'),
    'c_title': ('Write a chaser', 'header'),
    'c_subtitle': ('Due In Five Days', 'sentence'),
    'c_tooltip': ('Open The Menu', 'sentence'),
    'c_row_title': ('Outcome Sought', 'sentence'),
    'c_accessible': ('Order Of The Cases', 'sentence'),
    'c_table_title': ('What is wrong', 'header'),
    'c_typed_title': ('What next', 'header'),
    'c_typed_label': ('Show The Diary First', 'sentence'),
    'c_struct_tooltip': ('Show The Deadlines', 'sentence'),
    'c_commented_table': ('High Risk', 'sentence'),
    'c_new_title': ('Add something you told them', 'header'),
    'c_new_description': ('It Goes Into Your Log', 'sentence'),
    'c_subclass_title': ('Complaints policy', 'header'),
    'c_set_subtitle': ('Chosen By You', 'sentence'),
    'c_cast_description': ('Nothing Here Yet', 'sentence'),
    'core_table_label': ('Damage To Property', 'sentence'),
    'core_indexed_label': ('High Risk', 'sentence'),
    'core_group_label': ('Coming Up', 'sentence'),
    'core_function_label': ('Hot Water', 'sentence'),
    'core_title': ('Stage %u Response', 'sentence'),
    'core_field_title': ('First Response to an ASB Report', 'sentence'),
}


def make_tree(folder, texts):
    os.makedirs(os.path.join(folder, 'ui'))
    os.makedirs(os.path.join(folder, 'app', 'gui', 'widgets'))
    os.makedirs(os.path.join(folder, 'app', 'core', 'model'))
    with open(os.path.join(folder, 'app', 'core', 'model', 'rd-fixture-keys.c'), 'w',
              encoding='utf-8') as f:
        f.write(CORE % texts)
    with open(os.path.join(folder, 'ui', 'rd-fixture.ui'), 'w', encoding='utf-8') as f:
        f.write(UI % texts)
    with open(os.path.join(folder, 'app', 'gui', 'widgets', 'rd-fixture.c'), 'w',
              encoding='utf-8') as f:
        f.write(C % texts)


def run(script, folder, *options):
    result = subprocess.run([sys.executable, script] + list(options) + [folder],
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def reported(output, text):
    return '“%s”:' % text in output


def main():
    script = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        right = os.path.join(tmp, 'right')
        make_tree(right, RIGHT)
        status, output = run(script, right)
        if status != 0:
            failures.append('a tree of right texts fails:\n' + output)

        wrong = os.path.join(tmp, 'wrong')
        make_tree(wrong, {key: text for key, (text, _) in WRONG.items()})
        status, output = run(script, wrong)
        if status != 1:
            failures.append('a tree of wrong texts exits with %d:\n%s' % (status, output))
        for key, (text, case) in WRONG.items():
            if not reported(output, text):
                failures.append('%s: “%s” (%s case) is not reported' % (key, text, case))
        for text in ('Whatever Case It Likes', 'Any Text At All', 'A Comment Is Not Code',
                     'Any Label At All', 'Any Badge At All', 'Any Key At All',
                     'Any Summary At All', 'taken, from The Camera', 'working Days Or Not'):
            if reported(output, text):
                failures.append('“%s” is reported, but it is not for either rule' % text)
        problems = [line for line in output.splitlines() if '”: “' in line]
        if len(problems) != len(WRONG):
            failures.append('%d problems reported for %d wrong texts:\n%s'
                            % (len(problems), len(WRONG), output))

        for case in ('header', 'sentence'):
            status, output = run(script, wrong, '--only', case)
            if status != 1:
                failures.append('--only %s exits with %d' % (case, status))
            for key, (text, its_case) in WRONG.items():
                if reported(output, text) != (its_case == case):
                    failures.append('--only %s: “%s” (%s case) %s' % (
                        case, text, its_case,
                        'is reported' if its_case != case else 'is not reported'))
    for failure in failures:
        print(failure)
    if failures:
        return 1
    print('check-case.py finds every wrong text of %d, and nothing in the right ones' % len(WRONG))
    return 0


if __name__ == '__main__':
    sys.exit(main())
