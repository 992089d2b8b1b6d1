/* rd-anonymise-words.c: the word lists the anonymiser judges names by.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All lower case, without accents, as the anonymiser's keys are. The lists
 * are English: the words a resident in England writes about neighbours.
 */
#define G_LOG_DOMAIN "rd-anonymise"

#include "config.h"

#include <string.h>

#include "rd-anonymise-private.h"

/* Words put before a name: "Mr Hall", "PC Doe", "Sgt. Brennan". */
static const char * const titles[] = {
  "mr", "mrs", "ms", "miss", "mx", "dr", "pc", "dc", "ds", "di", "dci", "dsgt", "sgt", "pcso",
  "insp", "cllr", "prof", "rev", "revd", "sir", "dame", "lord", "lady", "officer", "constable",
  "sergeant", "inspector", "detective", "councillor", "doctor", "mister", "master", "madam",
  "professor", "reverend", "father", "sister", "brother", "nurse",
};

/* Words that make a "name" a description ("Resident of Flat 6", "the man
 * upstairs"): such a party is only ever replaced as the whole phrase. */
static const char * const descriptive[] = {
  "resident", "residents", "neighbour", "neighbours", "neighbor", "neighbors", "tenant",
  "tenants", "occupant", "occupants", "occupier", "occupiers", "flat", "house", "number", "no",
  "upstairs", "downstairs", "next", "door", "family", "man", "men", "woman", "women", "male",
  "female", "unknown", "gentleman", "boy", "boys", "girl", "girls", "child", "children", "kids",
  "landlord", "owner", "visitor", "visitors", "friend", "friends", "partner", "son", "daughter",
  "mother", "mum", "father", "dad", "the", "of", "at", "in", "from", "and", "with", "block",
  "floor", "opposite", "above", "below", "across", "household", "couple", "people", "person",
  "someone", "youths", "group", "lodger", "guest", "guests", "caller", "dog", "owner's",
};

/* Words for how somebody is related to somebody else: "his brother
 * Dwayne", "her partner Kim". Before a name they stay, and only the name
 * is replaced. */
static const char * const relations[] = {
  "brother", "sister", "father", "mother", "son", "daughter", "husband", "wife", "partner",
  "boyfriend", "girlfriend", "fiance", "fiancee", "ex", "uncle", "aunt", "auntie", "nephew",
  "niece", "cousin", "grandson", "granddaughter", "grandmother", "grandfather", "gran",
  "granny", "nan", "nana", "grandad", "grandpa", "grandma", "stepson", "stepdaughter",
  "stepfather", "stepmother", "stepbrother", "stepsister", "mum", "mom", "dad", "friend",
  "mate", "lodger", "carer", "flatmate", "housemate", "colleague", "relative",
};

/* Words that make what follows somebody's: "his brother", "the lodger". */
static const char * const determiners[] = {
  "his", "her", "hers", "my", "their", "our", "your", "its", "whose", "the", "a", "an",
};

/* Titles that say whether the person is a man or a woman. */
static const char * const titles_male[] = { "mr", "mister", "sir", "lord", "master" };
static const char * const titles_female[] = {
  "mrs", "ms", "miss", "madam", "madame", "lady", "dame",
};

/* Lower-case words that sit inside real names: "Ludwig van Beethoven". */
static const char * const particles[] = {
  "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "bin", "binti",
  "bint", "ibn", "ben", "al", "el", "ap", "mac", "st", "ter", "dos", "das",
};

/* Everyday English words that are also names: "Hall Road", "the hall",
 * "I will", "May 2024", "Mark the date". A name made of one of these is
 * replaced only in the whole name or after a title ("Mr Hall"), never on
 * its own. */
static const char * const common[] = {
  /* surnames */
  "hall", "brown", "green", "white", "black", "gray", "grey", "young", "king", "wood", "woods",
  "hill", "hills", "moore", "moor", "rose", "bell", "little", "long", "short", "small", "hope",
  "cook", "baker", "butler", "carter", "turner", "walker", "porter", "miller", "taylor", "mason",
  "fisher", "hunter", "shepherd", "marshall", "knight", "bishop", "dean", "price", "cole", "fox",
  "wolf", "lamb", "bird", "swan", "crow", "nash", "sharp", "strong", "sweet", "best", "noble",
  "gold", "silver", "law", "power", "rice", "snow", "frost", "rain", "storm", "wells", "well",
  "wise", "house", "bond", "hart", "day", "light", "love", "moss", "birch", "ash", "oak", "pine",
  "thorn", "reed", "rush", "field", "fields", "ford", "marsh", "lane", "park", "parks", "brook",
  "brooks", "banks", "bank", "rivers", "river", "cross", "street", "wall", "gate", "gates",
  "bridge", "bridges", "stone", "steel", "church", "chapel", "castle", "tower", "mill", "mills",
  "page", "read", "reading", "booth", "barber", "potter", "cooper", "archer", "bowman", "savage",
  "pope", "friend", "child", "bull", "hay", "rich", "head", "hand", "judge", "hardy", "bold",
  "gay", "merry", "hale", "bright", "fair", "grant", "west", "north", "south", "east", "norman",
  "english", "french", "scott", "welsh", "holland", "chambers", "english", "game", "lord",
  "slater", "weaver", "glover", "tanner", "carpenter", "dyer", "salt", "pond", "lake", "sands",
  "coates", "horn", "horne", "peace", "goodman", "wild", "may", "bush", "hedges", "brand", "cash",
  "chance", "cannon", "crane", "drake", "finch", "nightingale", "parrot", "sparrow", "bass",
  "pike", "herring", "salmon", "trout", "roach", "bacon", "lamb", "mutton", "bean", "beans",
  "pepper", "sugar", "honey", "ginger", "root", "roots", "branch", "leaf", "forest", "heath",
  "dale", "vale", "glen", "cliff", "rock", "rocks", "shore", "beach", "waters", "spring",
  "winter", "summer", "autumn", "ward", "warden", "guard", "keeper", "steward", "officer",
  /* given names */
  "will", "mark", "bill", "pat", "sue", "guy", "art", "don", "ray", "drew", "chase", "sky",
  "angel", "star", "sunny", "penny", "sandy", "rusty", "misty", "brandy", "amber", "ruby",
  "pearl", "crystal", "iris", "daisy", "lily", "poppy", "violet", "heather", "hazel", "jasmine",
  "olive", "april", "june", "august", "max", "bob", "harry", "nick", "rob", "bud", "kit",
  "jack", "frank", "grace", "faith", "joy", "dawn", "holly", "ivy", "robin", "jay", "carol",
  "gene", "jean", "hunter", "miles", "sonny", "rich", "victor", "earnest", "ernest", "rocky",
  "buck", "chip", "dusty", "sterling", "destiny", "harmony", "melody", "serenity", "trinity",
  "liberty", "precious", "treasure", "lucky", "patience", "prudence", "charity", "mercy",
  "constance", "verity", "felicity", "happy", "cherry", "berry", "clay", "cliff", "dale",
  "glen",
  /* words a diary is full of */
  "the", "and", "but", "for", "not", "you", "they", "them", "she", "her", "him", "his", "our",
  "was", "were", "has", "had", "have", "did", "does", "told", "said", "came", "come", "went",
  "again", "night", "morning", "evening", "today", "police", "council", "landlord", "repairs",
  "noise", "music", "party", "door", "window", "garden", "stairs", "car", "van", "dog", "cat",
};

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *key)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (list[i], key) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_rd_anonymise_is_title (const char *key)
{
  gsize len = strlen (key);
  g_autofree char *bare = NULL;

  /* "Sgt." is a title as much as "Sgt" is. */
  if (len > 1 && key[len - 1] == '.')
    {
      bare = g_strndup (key, len - 1);
      key = bare;
    }
  return in_list (titles, G_N_ELEMENTS (titles), key);
}

gboolean
_rd_anonymise_is_descriptive (const char *key)
{
  return in_list (descriptive, G_N_ELEMENTS (descriptive), key);
}

gboolean
_rd_anonymise_is_particle (const char *key)
{
  return in_list (particles, G_N_ELEMENTS (particles), key);
}

gboolean
_rd_anonymise_is_common (const char *key)
{
  return in_list (common, G_N_ELEMENTS (common), key) ||
         in_list (titles, G_N_ELEMENTS (titles), key) ||
         in_list (descriptive, G_N_ELEMENTS (descriptive), key);
}

gboolean
_rd_anonymise_is_relation (const char *key)
{
  return in_list (relations, G_N_ELEMENTS (relations), key);
}

gboolean
_rd_anonymise_is_determiner (const char *key)
{
  return in_list (determiners, G_N_ELEMENTS (determiners), key);
}

/* 'm' for "Mr", 'f' for "Mrs", "Ms", "Miss"; '?' for a title that does not say. */
char
_rd_anonymise_title_gender (const char *key)
{
  gsize len = strlen (key);
  g_autofree char *bare = len > 1 && key[len - 1] == '.' ? g_strndup (key, len - 1) : g_strdup (key);

  if (in_list (titles_male, G_N_ELEMENTS (titles_male), bare))
    return 'm';
  if (in_list (titles_female, G_N_ELEMENTS (titles_female), bare))
    return 'f';
  return '?';
}
