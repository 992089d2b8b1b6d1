/* test-anonymise.c: which words of a text the anonymiser replaces, and which it leaves.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"

/* The README's example case, which the reviewer's examples came from. */
#define RESIDENT "Zoë Adeyemi"
#define ADDRESS "Flat 5, Larch House, 12 Mill Lane, Leeds LS6 2AB"
#define TITLE "Noise and threats from Flat 6"
#define PREFS "Email, please. No phone calls before 11:00."

typedef struct
{
  const char *parties;   /* "n:Name" a neighbour (third party), "o:Name" an officer (not),
                            "p:Name" police (third party), ";" between */
  const char *resident;  /* NULL: RESIDENT */
  const char *title;     /* NULL: TITLE */
  const char *text;
  const char *expected;
} Row;

#define README_PARTIES "o:Sam Okafor;n:Resident of Flat 6"
#define REVIEW_PARTIES "o:Sam Okafor;n:Sam Hall;n:Chloë Brennan"

static const Row rows[] = {
  /* The README case: a descriptive name goes only as the whole phrase. */
  { README_PARTIES, NULL, NULL, "I live at " ADDRESS ".", "I live at " ADDRESS "." },
  { README_PARTIES, NULL, NULL, TITLE, TITLE },
  { README_PARTIES, NULL, NULL, "Loud music from the Resident of Flat 6 again.",
    "Loud music from the Neighbour A again." },
  { README_PARTIES, NULL, NULL, "RESIDENT OF\nFLAT 6 shouted", "Neighbour A shouted" },
  { README_PARTIES, NULL, NULL, "Loud music from Flat 6 until 2:30.", "Loud music from Flat 6 until 2:30." },
  { README_PARTIES, NULL, NULL, "Another resident of the block", "Another resident of the block" },
  { README_PARTIES, NULL, NULL, "Sam Okafor said he would visit Flat 6.",
    "Sam Okafor said he would visit Flat 6." },
  { README_PARTIES, NULL, NULL, "Please contact me this way: " PREFS, "Please contact me this way: " PREFS },

  /* The reviewer's second case: officer Sam Okafor is not a third party. */
  { REVIEW_PARTIES, NULL, NULL, "Sam Okafor rang.", "Sam Okafor rang." },
  { REVIEW_PARTIES, NULL, NULL, "Sam came round.", "Sam came round." },
  { REVIEW_PARTIES, NULL, NULL, "Okafor and DC Okafor", "Okafor and DC Okafor" },
  { REVIEW_PARTIES, NULL, NULL, "Sam Hall shouted at me on Hall Road.",
    "Neighbour A shouted at me on Hall Road." },
  { REVIEW_PARTIES, NULL, NULL, "SAM HALL and sam hall", "Neighbour A and Neighbour A" },
  { REVIEW_PARTIES, NULL, NULL, "The hall light was on in the Hallway.",
    "The hall light was on in the Hallway." },
  { REVIEW_PARTIES, NULL, NULL, "Mr Hall's car, Ms. Hall and MRS HALL",
    "Neighbour A's car, Neighbour A and Neighbour A" },
  { REVIEW_PARTIES, NULL, NULL, "Sam Hall’s dog", "Neighbour A’s dog" },
  { REVIEW_PARTIES, NULL, NULL, "Hall's roof", "Hall's roof" },
  { REVIEW_PARTIES, NULL, NULL, "BRENNAN, brennan and Brennan.",
    "Neighbour B, Neighbour B and Neighbour B." },
  { REVIEW_PARTIES, NULL, NULL, "Chloë said; CHLOË said; Chloe said; Chloe\xcc\x88 said.",
    "Neighbour B said; Neighbour B said; Neighbour B said; Neighbour B said." },
  { REVIEW_PARTIES, NULL, NULL, "Chloë Brennan's son and Brennan’s van",
    "Neighbour B's son and Neighbour B’s van" },
  { REVIEW_PARTIES, NULL, NULL, "Brennans Court, ChloëB, Brennan-Smith",
    "Brennans Court, ChloëB, Brennan-Smith" },
  { REVIEW_PARTIES, NULL, NULL, "Sgt. Brennan and PC Hall", "Neighbour B and Neighbour A" },
  { REVIEW_PARTIES, NULL, "Threats from Chloë Brennan", "Threats from Chloë Brennan",
    "Threats from Neighbour B" },
  { REVIEW_PARTIES, NULL, "Trouble on Brennan Walk", "Trouble on Brennan Walk",
    "Trouble on Brennan Walk" },

  /* Apostrophes and hyphens inside names. */
  { "n:Liam O'Neill;n:Priya Smith-Jones", NULL, NULL, "O’Neill shouted at Liam's sister",
    "Neighbour A shouted at Neighbour A's sister" },
  { "n:Liam O'Neill;n:Priya Smith-Jones", NULL, NULL, "o'neill's dog and Neill",
    "Neighbour A's dog and Neill" },
  { "n:Liam O'Neill;n:Priya Smith-Jones", NULL, NULL, "Mrs Smith-Jones, Smith‑Jones's bins, Smith, Jones",
    "Neighbour B, Neighbour B's bins, Smith, Jones" },
  { "n:Liam O'Neill;n:Priya Smith-Jones", NULL, NULL, "PRIYA SMITH-JONES", "Neighbour B" },

  /* A descriptive name with brackets, as a whole. */
  { "n:Neighbour A (Flat 5)", "Jo Bloggs", NULL, "Neighbour A (Flat 5) banged, then Flat 5 went quiet.",
    "Neighbour A banged, then Flat 5 went quiet." },

  /* A surname two neighbours share names them both; a given name one. */
  { "n:Dave Hall;n:Kerry Hall", NULL, NULL, "Mr Hall and Dave, Kerry Hall",
    "Neighbour A or Neighbour B and Neighbour A, Neighbour B" },

  /* The resident's own surname is never taken for a neighbour's. */
  { "n:Chloë Brennan", "Zoë Brennan", NULL, "Brennan, Chloë, Chloë Brennan",
    "Brennan, Neighbour A, Neighbour A" },

  /* Middle names; everyday words as given names. */
  { "n:Chloë Anne Brennan", NULL, NULL, "Chloë Brennan and Chloë Anne Brennan",
    "Neighbour A and Neighbour A" },
  { "n:Will Hughes", NULL, NULL, "I will call Will. Will Hughes and Hughes",
    "I will call Will. Neighbour A and Neighbour A" },

  /* One-word names. */
  { "n:Gaz", NULL, NULL, "Gaz kicked the door. GAZ's mate.", "Neighbour A kicked the door. Neighbour A's mate." },
  { "n:Hall", NULL, NULL, "The hall, Mr Hall", "The hall, Neighbour A" },
  { "n:Mr Hall", NULL, NULL, "Hall Road, Mr Hall", "Hall Road, Neighbour A" },

  /* A relationship before a name stays; only the name goes, in brackets.
   * "Brother", "Sister", "Father" are titles only as titles are written. */
  { "n:Gareth Hall;n:Dwayne", NULL, NULL, "Mr Hall said his brother Dwayne would come.",
    "Neighbour A said his brother (Neighbour B) would come." },
  { "n:Kim Tran", NULL, NULL, "her partner Kim and Kim's sister; my Dad Kim Tran's van",
    "her partner (Neighbour A) and Neighbour A's sister; my Dad (Neighbour A)'s van" },
  { "n:Dwayne Hall", NULL, NULL, "Brother Dwayne preached. Gareth's Brother Dwayne Hall left.",
    "Neighbour A preached. Gareth's Brother (Neighbour A) left." },
  { "n:Dwayne Hall", NULL, NULL, "his brother came; the hall; a friend Hall",
    "his brother came; the hall; a friend Hall" },

  /* A title with a surname is the person whose surname it is, and not one
   * whose own title says otherwise; a bare shared word still names both. */
  { "n:Kim Lee;n:Lee Brown", NULL, NULL, "Mr Lee, Ms Lee and Lee Brown; Lee said",
    "Neighbour A, Neighbour A and Neighbour B; Neighbour A or Neighbour B said" },
  { "n:Gareth Hall;n:Mrs Janet Hall", NULL, NULL, "Mr Hall, Mrs Hall, Ms Hall and Dr Hall",
    "Neighbour A, Neighbour B, Neighbour B and Neighbour A or Neighbour B" },
  { "n:Mr Gareth Hall;n:Miss Hall", NULL, NULL, "MR HALL and Miss Hall's cat",
    "Neighbour A and Neighbour B's cat" },

  /* Officers who are third parties, named with their titles. */
  { "p:PC Jane Doe", NULL, NULL, "PC Jane Doe, Jane Doe, PC Doe and Doe",
    "Officer A, Officer A, Officer A and Officer A" },

  /* Nothing to replace. */
  { "o:Sam Okafor", NULL, NULL, "Sam Okafor", "Sam Okafor" },
  { "", NULL, NULL, "Anything at all", "Anything at all" },
};

static GPtrArray *
make_parties (const char *spec)
{
  g_auto(GStrv) items = g_strsplit (spec, ";", -1);
  GPtrArray *parties = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; items[i] != NULL; i++)
    {
      RdParty *party;

      if (*items[i] == '\0')
        continue;
      g_assert (items[i][1] == ':');
      party = rd_party_new ();
      rd_party_set_name (party, items[i] + 2);
      switch (items[i][0])
        {
        case 'n':
          rd_party_set_role (party, RD_PARTY_NEIGHBOUR);
          rd_party_set_third_party (party, TRUE);
          break;
        case 'p':
          rd_party_set_role (party, RD_PARTY_POLICE);
          rd_party_set_third_party (party, TRUE);
          break;
        default:
          rd_party_set_role (party, RD_PARTY_LANDLORD_OFFICER);
          rd_party_set_organisation (party, "Northway Homes");
          rd_party_set_third_party (party, FALSE);
          break;
        }
      g_ptr_array_add (parties, party);
    }
  return parties;
}

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *row = &rows[i];
      g_autoptr(GPtrArray) parties = make_parties (row->parties);
      g_autoptr(RdCase) rcase = rd_case_new ();
      g_autoptr(RdAnonymiser) anon = NULL;
      g_autofree char *got = NULL;

      rd_case_set_title (rcase, row->title ? row->title : TITLE);
      rd_case_set_resident_name (rcase, row->resident ? row->resident : RESIDENT);
      rd_case_set_address (rcase, ADDRESS);
      rd_case_set_landlord_name (rcase, "Northway Homes");
      rd_case_set_contact_preferences (rcase, PREFS);
      anon = rd_anonymiser_new_for_case (rcase, parties);
      got = rd_anonymiser_apply (anon, row->text);
      if (g_strcmp0 (got, row->expected) != 0)
        g_test_message ("row %u: parties “%s”, text “%s”", i, row->parties, row->text);
      g_assert_cmpstr (got, ==, row->expected);
    }
}

/* Aliases follow the order of the third parties; others have none. */
static void
test_aliases (void)
{
  g_autoptr(GPtrArray) parties = make_parties (REVIEW_PARTIES ";p:PC Jane Doe");
  g_autoptr(RdAnonymiser) anon = rd_anonymiser_new (parties);

  g_assert_null (rd_anonymiser_get_alias (anon, parties->pdata[0]));
  g_assert_cmpstr (rd_anonymiser_get_alias (anon, parties->pdata[1]), ==, "Neighbour A");
  g_assert_cmpstr (rd_anonymiser_get_alias (anon, parties->pdata[2]), ==, "Neighbour B");
  g_assert_cmpstr (rd_anonymiser_get_alias (anon, parties->pdata[3]), ==, "Officer C");
  g_assert_null (rd_anonymiser_apply (anon, NULL));
  {
    g_autofree char *same = rd_anonymiser_apply (NULL, "Sam Hall");
    g_assert_cmpstr (same, ==, "Sam Hall");
  }
}

/* Text kept by the caller stays, even where it holds a name. */
static void
test_keep (void)
{
  g_autoptr(GPtrArray) parties = make_parties ("n:Chloë Brennan");
  g_autoptr(RdAnonymiser) anon = rd_anonymiser_new (parties);
  g_autofree char *before = rd_anonymiser_apply (anon, "2 Brennan Court, and Brennan");
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, ==, "2 Neighbour A Court, and Neighbour A");
  rd_anonymiser_keep (anon, "2 brennan court");
  after = rd_anonymiser_apply (anon, "2 Brennan Court, and Brennan");
  g_assert_cmpstr (after, ==, "2 Brennan Court, and Neighbour A");
}

/* Where the names are, for blacking them out in the evidence: exactly the
 * words rd_anonymiser_apply() replaces, and no relationship or title. */
static void
test_find_names (void)
{
  g_autoptr(GPtrArray) parties = make_parties ("n:Gareth Hall;n:Dwayne");
  g_autoptr(RdAnonymiser) anon = rd_anonymiser_new (parties);
  const char *text = "Mr Hall said his brother Dwayne would come to Hall Road.";
  g_autoptr(GArray) spans = rd_anonymiser_find_names (anon, text);
  g_autoptr(GArray) none = rd_anonymiser_find_names (NULL, text);
  g_autoptr(GPtrArray) key = rd_anonymiser_dup_key (anon);
  RdAnonSpan *s;

  g_assert_cmpuint (spans->len, ==, 2);
  s = &g_array_index (spans, RdAnonSpan, 0);
  g_assert_cmpmem (text + s->start, (gsize) (s->end - s->start), "Hall", 4);
  g_assert_cmpuint (s->start, ==, 3);
  s = &g_array_index (spans, RdAnonSpan, 1);
  g_assert_cmpmem (text + s->start, (gsize) (s->end - s->start), "Dwayne", 6);
  g_assert_cmpuint (none->len, ==, 0);

  /* The key: each label with the name it stands for, in the labels' order. */
  g_assert_cmpuint (key->len, ==, 2);
  g_assert_cmpstr (key->pdata[0], ==, "Neighbour A\tGareth Hall");
  g_assert_cmpstr (key->pdata[1], ==, "Neighbour B\tDwayne");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/anonymise/table", test_table);
  g_test_add_func ("/anonymise/aliases", test_aliases);
  g_test_add_func ("/anonymise/keep", test_keep);
  g_test_add_func ("/anonymise/find-names", test_find_names);
  return g_test_run ();
}
