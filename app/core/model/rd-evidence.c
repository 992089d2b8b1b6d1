/* rd-evidence.c: one piece of evidence kept in the store, and its links.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <unistd.h>

#include "rd-datetime.h"
#include "rd-evidence.h"
#include "rd-model-enums.h"
#include "rd-hash.h"
#include "rd-model-private.h"

struct _RdEvidence
{
  GObject               parent_instance;

  gint64                id;
  gint64                case_id;
  char                 *sha256;
  char                 *path;
  goffset               size;
  char                 *content_type;
  RdEvidenceKind        kind;
  char                 *original_name;
  GDateTime            *captured_at;
  RdEvidenceDateSource  date_source;
  char                 *description;
  int                   page_count;
  gint64                duration_ms;
  int                   orientation;
  char                 *title;
  char                 *author;
  char                 *recipients;
  char                 *problem;
  gboolean              needs_password;
  gint64                parent_id;
  gint64                imported_at;
  guint                 n_links;
  gint64                exhibit_number;
};

G_DEFINE_FINAL_TYPE (RdEvidence, rd_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_ORIGINAL_NAME,
  PROP_DESCRIPTION,
  PROP_CAPTURED_AT,
  PROP_PROBLEM,
  PROP_N_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *label;
} kinds[RD_EVIDENCE_KIND_N_KINDS] = {
  { "other", N_("Document") },
  { "pdf", N_("PDF") },
  { "photo", N_("Photo") },
  { "email", N_("Email") },
  { "audio", N_("Audio") },
  { "video", N_("Video") },
};

/* How a date was found, shown after the date ("3 May 2025 (taken, from the
 * photo's camera data)"): words inside a sentence, in lower case. */
static const struct {
  const char *key;
  const char *label;
} date_sources[RD_EVIDENCE_DATE_N_SOURCES] = {
  { "none", N_("date unknown") },
  { "exif", N_("taken, from the photo’s camera data") },
  { "pdf", N_("created, from the PDF") },
  { "email", N_("sent, from the email") },
  { "file", N_("the file’s last change (the real date may be earlier)") },
};

static const char * const target_kinds[RD_EVIDENCE_TARGET_N_KINDS] = {
  "incident", "contact", "complaint-event",
};

const char *
rd_evidence_kind_to_string (RdEvidenceKind kind)
{
  g_return_val_if_fail (kind < RD_EVIDENCE_KIND_N_KINDS, "other");
  return kinds[kind].key;
}

RdEvidenceKind
rd_evidence_kind_from_string (const char *key)
{
  for (guint i = 0; key != NULL && i < RD_EVIDENCE_KIND_N_KINDS; i++)
    if (g_str_equal (key, kinds[i].key))
      return i;
  return RD_EVIDENCE_KIND_OTHER;
}

const char *
rd_evidence_kind_get_label (RdEvidenceKind kind)
{
  g_return_val_if_fail (kind < RD_EVIDENCE_KIND_N_KINDS, "");
  return _(kinds[kind].label);
}

/**
 * rd_evidence_kind_for_content_type:
 *
 * Which kind of evidence a file of @content_type is (photos include
 * screenshots and any other picture).
 */
RdEvidenceKind
rd_evidence_kind_for_content_type (const char *content_type)
{
  if (content_type == NULL)
    return RD_EVIDENCE_KIND_OTHER;
  if (g_content_type_is_a (content_type, "application/pdf"))
    return RD_EVIDENCE_KIND_PDF;
  if (g_content_type_is_a (content_type, "message/rfc822"))
    return RD_EVIDENCE_KIND_EMAIL;
  if (g_str_has_prefix (content_type, "image/"))
    return RD_EVIDENCE_KIND_PHOTO;
  if (g_str_has_prefix (content_type, "audio/"))
    return RD_EVIDENCE_KIND_AUDIO;
  if (g_str_has_prefix (content_type, "video/"))
    return RD_EVIDENCE_KIND_VIDEO;
  return RD_EVIDENCE_KIND_OTHER;
}

const char *
rd_evidence_date_source_to_string (RdEvidenceDateSource source)
{
  g_return_val_if_fail (source < RD_EVIDENCE_DATE_N_SOURCES, "none");
  return date_sources[source].key;
}

RdEvidenceDateSource
rd_evidence_date_source_from_string (const char *key)
{
  for (guint i = 0; key != NULL && i < RD_EVIDENCE_DATE_N_SOURCES; i++)
    if (g_str_equal (key, date_sources[i].key))
      return i;
  return RD_EVIDENCE_DATE_NONE;
}

const char *
rd_evidence_date_source_get_label (RdEvidenceDateSource source)
{
  g_return_val_if_fail (source < RD_EVIDENCE_DATE_N_SOURCES, "");
  return _(date_sources[source].label);
}

const char *
rd_evidence_target_kind_to_string (RdEvidenceTargetKind kind)
{
  g_return_val_if_fail (kind < RD_EVIDENCE_TARGET_N_KINDS, "incident");
  return target_kinds[kind];
}

RdEvidenceTargetKind
rd_evidence_target_kind_from_string (const char *key)
{
  for (guint i = 0; key != NULL && i < RD_EVIDENCE_TARGET_N_KINDS; i++)
    if (g_str_equal (key, target_kinds[i]))
      return i;
  return RD_EVIDENCE_TARGET_N_KINDS;
}

static void
rd_evidence_finalize (GObject *object)
{
  RdEvidence *self = (RdEvidence *)object;

  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->original_name, g_free);
  g_clear_pointer (&self->captured_at, g_date_time_unref);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->recipients, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (rd_evidence_parent_class)->finalize (object);
}

static void
rd_evidence_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RdEvidence *self = RD_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ORIGINAL_NAME:
      g_value_set_string (value, self->original_name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CAPTURED_AT:
      g_value_set_boxed (value, self->captured_at);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_N_LINKS:
      g_value_set_uint (value, self->n_links);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_evidence_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RdEvidence *self = RD_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      rd_evidence_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_evidence_class_init (RdEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_evidence_finalize;
  object_class->get_property = rd_evidence_get_property;
  object_class->set_property = rd_evidence_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RD_TYPE_EVIDENCE_KIND, RD_EVIDENCE_KIND_OTHER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGINAL_NAME] =
    g_param_spec_string ("original-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTURED_AT] =
    g_param_spec_boxed ("captured-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_LINKS] =
    g_param_spec_uint ("n-links", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_evidence_init (RdEvidence *self)
{
  self->sha256 = g_strdup ("");
  self->path = g_strdup ("");
  self->content_type = g_strdup ("application/octet-stream");
  self->original_name = g_strdup ("");
  self->description = g_strdup ("");
  self->title = g_strdup ("");
  self->author = g_strdup ("");
  self->recipients = g_strdup ("");
  self->problem = g_strdup ("");
  self->page_count = -1;
  self->duration_ms = -1;
  self->orientation = 1;
}

RdEvidence *
rd_evidence_new (void)
{
  return g_object_new (RD_TYPE_EVIDENCE, NULL);
}

#define STRING_ACCESSORS(name, prop) \
  RD_MODEL_STRING_ACCESSORS (RdEvidence, rd_evidence, RD_IS_EVIDENCE, name, prop, PROP_0)
#define SCALAR_ACCESSORS(type, name, prop) \
  RD_MODEL_SCALAR_ACCESSORS (RdEvidence, rd_evidence, RD_IS_EVIDENCE, type, name, prop, PROP_0)

SCALAR_ACCESSORS (gint64, id, PROP_ID)
SCALAR_ACCESSORS (gint64, case_id, PROP_0)
STRING_ACCESSORS (sha256, PROP_0)
STRING_ACCESSORS (path, PROP_0)
SCALAR_ACCESSORS (goffset, size, PROP_0)
STRING_ACCESSORS (content_type, PROP_0)
SCALAR_ACCESSORS (RdEvidenceKind, kind, PROP_KIND)
STRING_ACCESSORS (original_name, PROP_ORIGINAL_NAME)
SCALAR_ACCESSORS (RdEvidenceDateSource, date_source, PROP_0)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
SCALAR_ACCESSORS (int, page_count, PROP_0)
SCALAR_ACCESSORS (gint64, duration_ms, PROP_0)
SCALAR_ACCESSORS (int, orientation, PROP_0)
STRING_ACCESSORS (title, PROP_0)
STRING_ACCESSORS (author, PROP_0)
STRING_ACCESSORS (recipients, PROP_0)
STRING_ACCESSORS (problem, PROP_PROBLEM)
SCALAR_ACCESSORS (gboolean, needs_password, PROP_0)
SCALAR_ACCESSORS (gint64, parent_id, PROP_0)
SCALAR_ACCESSORS (gint64, imported_at, PROP_0)
SCALAR_ACCESSORS (guint, n_links, PROP_N_LINKS)
SCALAR_ACCESSORS (gint64, exhibit_number, PROP_0)

RD_MODEL_DATETIME_ACCESSORS (RdEvidence, rd_evidence, RD_IS_EVIDENCE, captured_at, PROP_CAPTURED_AT)

/**
 * rd_evidence_dup_display_name:
 *
 * The name to show: the email's subject or the PDF's title when the file
 * name says little, else the original file name.
 */
char *
rd_evidence_dup_display_name (RdEvidence *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);

  if (self->kind == RD_EVIDENCE_KIND_EMAIL && *self->title)
    return g_strdup (self->title);
  if (*self->original_name)
    return g_strdup (self->original_name);
  return g_strdup (rd_evidence_kind_get_label (self->kind));
}

/**
 * rd_evidence_dup_summary:
 *
 * One line: kind, date with its weekday and where it came from, pages or
 * duration, and any problem.
 */
char *
rd_evidence_dup_summary (RdEvidence *self)
{
  GString *s;

  g_return_val_if_fail (RD_IS_EVIDENCE (self), NULL);

  s = g_string_new (rd_evidence_kind_get_label (self->kind));
  if (self->captured_at)
    {
      g_autofree char *when = rd_datetime_format_long (self->captured_at);

      g_string_append_printf (s, " · %s (%s)", when,
                              rd_evidence_date_source_get_label (self->date_source));
    }
  if (self->page_count > 0)
    {
      g_autofree char *pages = g_strdup_printf (rd_ngettext ("%d page", "%d pages",
                                                             self->page_count),
                                                self->page_count);
      g_string_append_printf (s, " · %s", pages);
    }
  if (self->duration_ms >= 0)
    {
      gint64 seconds = (self->duration_ms + 500) / 1000;

      g_string_append_printf (s, " · %" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
    }
  if (*self->problem)
    g_string_append_printf (s, " · %s", self->problem);
  return g_string_free (s, FALSE);
}

/* Links */

struct _RdEvidenceLink
{
  GObject               parent_instance;

  gint64                evidence_id;
  RdEvidenceTargetKind  target_kind;
  gint64                target_id;
  char                 *note;
};

G_DEFINE_FINAL_TYPE (RdEvidenceLink, rd_evidence_link, G_TYPE_OBJECT)

static void
rd_evidence_link_finalize (GObject *object)
{
  g_clear_pointer (&RD_EVIDENCE_LINK (object)->note, g_free);
  G_OBJECT_CLASS (rd_evidence_link_parent_class)->finalize (object);
}

static void
rd_evidence_link_class_init (RdEvidenceLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_evidence_link_finalize;
}

static void
rd_evidence_link_init (RdEvidenceLink *self)
{
}

RdEvidenceLink *
rd_evidence_link_new (gint64                evidence_id,
                      RdEvidenceTargetKind  target_kind,
                      gint64                target_id,
                      const char           *note)
{
  RdEvidenceLink *self = g_object_new (RD_TYPE_EVIDENCE_LINK, NULL);

  self->evidence_id = evidence_id;
  self->target_kind = target_kind;
  self->target_id = target_id;
  self->note = g_strdup (note ? note : "");
  return self;
}

gint64
rd_evidence_link_get_evidence_id (RdEvidenceLink *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_LINK (self), 0);
  return self->evidence_id;
}

RdEvidenceTargetKind
rd_evidence_link_get_target_kind (RdEvidenceLink *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_LINK (self), 0);
  return self->target_kind;
}

gint64
rd_evidence_link_get_target_id (RdEvidenceLink *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_LINK (self), 0);
  return self->target_id;
}

const char *
rd_evidence_link_get_note (RdEvidenceLink *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_LINK (self), NULL);
  return self->note;
}

/* Integrity */

void
rd_evidence_problem_free (RdEvidenceProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->original_name);
  g_free (problem->sha256);
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * rd_evidence_check_file:
 * @path: a stored evidence file
 * @sha256: the hash recorded when it was imported
 *
 * Re-reads the file and compares its SHA-256 with @sha256. @error is set
 * only when the check was cancelled.
 */
RdEvidenceIntegrity
rd_evidence_check_file (const char    *path,
                        const char    *sha256,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *actual = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, RD_EVIDENCE_UNREADABLE);
  g_return_val_if_fail (sha256 != NULL, RD_EVIDENCE_UNREADABLE);

  actual = rd_sha256_file_hex (path, NULL, cancellable, &local_error);
  if (actual == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return RD_EVIDENCE_UNREADABLE;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return RD_EVIDENCE_MISSING;
      return RD_EVIDENCE_UNREADABLE;
    }
  return g_ascii_strcasecmp (actual, sha256) == 0 ? RD_EVIDENCE_INTACT : RD_EVIDENCE_ALTERED;
}
