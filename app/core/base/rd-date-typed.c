/* rd-date-typed.c: reading a date as a resident types it ("13/12/2024", "13 Dec 2024", "yesterday").
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-datetime"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"

/* As in rd-datetime.c: years outside these are typing mistakes. */
#define RD_YEAR_MIN 1900
#define RD_YEAR_MAX 2200

/* A typed date has a few parts at most ("Friday the 13th of December 2024"). */
#define MAX_TOKENS 8

typedef struct {
  gboolean  is_number;
  int       value;      /* a number's value */
  guint     n_digits;   /* a number's length, which tells a year from a day */
  char     *word;       /* a word, case-folded */
} Token;

typedef struct {
  Token  tokens[MAX_TOKENS];
  guint  n_tokens;
} Tokens;

static void
clear_tokens (Tokens *tokens)
{
  for (guint i = 0; i < tokens->n_tokens; i++)
    g_free (tokens->tokens[i].word);
  tokens->n_tokens = 0;
}

/*
 * Splits @text into numbers and words; anything else (spaces, / - . ,)
 * only separates them. Digits of any script count, so a resident who
 * types in Urdu's digits is read too. FALSE when there are too many parts
 * for a date.
 */
static gboolean
tokenize (const char *text,
          Tokens     *tokens)
{
  const char *p = text;

  tokens->n_tokens = 0;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token *token;

      if (!g_unichar_isdigit (c) && !g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (tokens->n_tokens == MAX_TOKENS)
        return FALSE;
      token = &tokens->tokens[tokens->n_tokens++];
      *token = (Token) { .is_number = g_unichar_isdigit (c) };
      if (token->is_number)
        {
          for (; g_unichar_isdigit (c = g_utf8_get_char (p)); p = g_utf8_next_char (p))
            {
              /* Longer than any day or year: keep it unreadable, not overflowing. */
              if (token->n_digits < 6)
                token->value = token->value * 10 + g_unichar_digit_value (c);
              token->n_digits++;
            }
        }
      else
        {
          const char *start = p;

          while (g_unichar_isalpha (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          token->word = g_utf8_casefold (start, p - start);
        }
    }
  return TRUE;
}

static gboolean
word_is (const char *word,
         const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL || *name == '\0')
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  return g_str_equal (word, folded);
}

/* "dec", "sept", "december": English names may be cut anywhere after three letters. */
static gboolean
word_starts_english (const char *word,
                     const char *name)
{
  gsize len = strlen (word);

  return len >= 3 && len <= strlen (name) && g_ascii_strncasecmp (word, name, len) == 0;
}

static const char * const english_months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};

static const char * const english_weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* A month's number from its English name or its name in the interface's language, or 0. */
static int
read_month (const char *word)
{
  for (int m = 1; m <= 12; m++)
    if (word_starts_english (word, english_months[m - 1]) ||
        word_is (word, rd_date_get_month_name (m, FALSE)) ||
        word_is (word, rd_date_get_month_name (m, TRUE)))
      return m;
  return 0;
}

static int
read_weekday (const char *word)
{
  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    if (word_starts_english (word, english_weekdays[d - 1]) ||
        word_is (word, rd_date_get_weekday_name (d, FALSE)) ||
        word_is (word, rd_date_get_weekday_name (d, TRUE)))
      return d;
  return 0;
}

/* "13th", "the 13th of December": English words that carry no date. */
static gboolean
is_filler (const Tokens *tokens,
           guint         i)
{
  const char *word = tokens->tokens[i].word;

  if (i > 0 && tokens->tokens[i - 1].is_number &&
      (g_str_equal (word, "st") || g_str_equal (word, "nd") || g_str_equal (word, "rd") ||
       g_str_equal (word, "th")))
    return TRUE;
  return g_str_equal (word, "of") || g_str_equal (word, "the");
}

/* "today", "yesterday", "tomorrow", in English or the interface's language
 * (where the word may be two: Urdu says "the past tomorrow" for yesterday). */
static GDate *
read_relative (const char  *text,
               const GDate *today)
{
  g_autofree char *word = g_utf8_casefold (text, -1);

  static const struct { const char *english; int days; } words[] = {
    { "today", 0 },
    { "yesterday", -1 },
    { "tomorrow", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      /* Spelled out so that xgettext finds each word. Translators: words a
       * resident may type for a date, in lower case */
      const char *translated =
        i == 0 ? g_dpgettext2 (GETTEXT_PACKAGE, "typed date", "today")
        : i == 1 ? g_dpgettext2 (GETTEXT_PACKAGE, "typed date", "yesterday")
        : g_dpgettext2 (GETTEXT_PACKAGE, "typed date", "tomorrow");

      if (word_is (word, words[i].english) || word_is (word, translated))
        {
          GDate *date = g_date_copy (today);

          if (words[i].days > 0)
            g_date_add_days (date, words[i].days);
          else if (words[i].days < 0)
            g_date_subtract_days (date, -words[i].days);
          return date;
        }
    }
  return NULL;
}

/* A two-digit year is the one nearest today's: "24" is 2024, "98" 1998. */
static int
read_year (const Token *token,
           const GDate *today)
{
  int this_year = g_date_get_year (today);
  int year;

  if (token->n_digits == 4)
    return token->value;
  if (token->n_digits != 2)
    return -1;
  year = (this_year / 100) * 100 + token->value;
  if (year > this_year + 50)
    year -= 100;
  else if (year < this_year - 50)
    year += 100;
  return year;
}

typedef struct {
  int year, month, day;
  GDateWeekday weekday;   /* as typed, or G_DATE_BAD_WEEKDAY */
} Fields;

/*
 * Finds the day, month and year in the parts typed. Numbers alone are
 * year-month-day when the first has four digits, and day/month/year
 * otherwise, as dates are written in Britain; with a month's name the
 * number of one or two digits is the day. A missing year is this year.
 */
static gboolean
read_fields (const Tokens *tokens,
             const GDate  *today,
             Fields       *fields)
{
  const Token *numbers[3];
  guint n_numbers = 0;

  *fields = (Fields) { .weekday = G_DATE_BAD_WEEKDAY };
  for (guint i = 0; i < tokens->n_tokens; i++)
    {
      const Token *token = &tokens->tokens[i];
      int month, weekday;

      if (token->is_number)
        {
          if (n_numbers == G_N_ELEMENTS (numbers))
            return FALSE;
          numbers[n_numbers++] = token;
        }
      else if (is_filler (tokens, i))
        continue;
      else if ((month = read_month (token->word)) != 0 && fields->month == 0)
        fields->month = month;
      else if ((weekday = read_weekday (token->word)) != 0 &&
               fields->weekday == G_DATE_BAD_WEEKDAY)
        fields->weekday = weekday;
      else
        return FALSE;
    }

  if (fields->month == 0 && n_numbers == 3 && numbers[0]->n_digits == 4)
    {
      fields->year = numbers[0]->value;
      fields->month = numbers[1]->n_digits <= 2 ? numbers[1]->value : -1;
      fields->day = numbers[2]->n_digits <= 2 ? numbers[2]->value : -1;
      return TRUE;
    }
  if (fields->month == 0 && (n_numbers == 2 || n_numbers == 3))
    {
      if (numbers[0]->n_digits > 2 || numbers[1]->n_digits > 2)
        return FALSE;
      fields->day = numbers[0]->value;
      fields->month = numbers[1]->value;
      fields->year = n_numbers == 3 ? read_year (numbers[2], today) : (int) g_date_get_year (today);
      return fields->year > 0;
    }
  if (fields->month != 0 && (n_numbers == 1 || n_numbers == 2))
    {
      const Token *day = numbers[0];
      const Token *year = n_numbers == 2 ? numbers[1] : NULL;

      /* "2024 December 13" */
      if (year != NULL && day->n_digits == 4)
        {
          day = numbers[1];
          year = numbers[0];
        }
      if (day->n_digits > 2)
        return FALSE;
      fields->day = day->value;
      fields->year = year != NULL ? read_year (year, today) : (int) g_date_get_year (today);
      return fields->year > 0;
    }
  return FALSE;
}

static void
set_unreadable (const char  *text,
                GError     **error)
{
  if (*text == '\0')
    g_set_error_literal (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                         UI_("Type a date, for example 13/12/2024, 13 Dec 2024 or yesterday."));
  else
    g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                 UI_("Redress cannot read “%s” as a date. Type it like 13/12/2024, 13 Dec 2024, "
                     "2024-12-13 or yesterday."),
                 text);
}

/* The date itself, once its fields are found: real, in range, on the weekday typed. */
static GDate *
check_fields (const char    *text,
              const Fields  *fields,
              GError       **error)
{
  g_autoptr(GDate) date = NULL;

  if (fields->year < RD_YEAR_MIN || fields->year > RD_YEAR_MAX)
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE,
                   UI_("“%s” is outside the years Redress works with (%d to %d)."),
                   text, RD_YEAR_MIN, RD_YEAR_MAX);
      return NULL;
    }
  if (fields->month < 1 || fields->month > 12 || fields->day < 1 || fields->day > 31)
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                   UI_("“%s” is not a real date."), text);
      return NULL;
    }
  if (!g_date_valid_dmy (fields->day, fields->month, fields->year))
    {
      guint8 n_days = g_date_get_days_in_month (fields->month, fields->year);

      /* Translators: %1$s is the date as typed ("31/02/2024"), %2$d how
       * many days its month has that year */
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%1$s” is not a real date: that month has %2$d day.",
                                "“%1$s” is not a real date: that month has %2$d days.", n_days),
                   text, (int) n_days);
      return NULL;
    }

  date = g_date_new_dmy (fields->day, fields->month, fields->year);
  if (fields->weekday != G_DATE_BAD_WEEKDAY && g_date_get_weekday (date) != fields->weekday)
    {
      g_autofree char *real = rd_date_format_long (date);

      /* Translators: %1$s is the date as typed ("Monday 13 December
       * 2024"), %2$s the same date with its real weekday ("Friday 13
       * December 2024") */
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                   UI_("“%1$s” names the wrong day of the week: it is %2$s."), text, real);
      return NULL;
    }
  return g_steal_pointer (&date);
}

/**
 * rd_date_parse_typed:
 * @text: a date as a resident types it
 * @today: the day "today" means, from the application's clock
 *
 * Reads the forms a resident in Britain types: "2024-12-13", "13/12/2024",
 * "13.12.24", "13 Dec 2024", "Friday 13th December", "December 13, 2024",
 * "today", "yesterday" and "tomorrow". Numbers alone are day/month/year,
 * never the American month/day. Month and weekday names may be English or
 * in the interface's language. A date that does not exist ("31/02/2024"),
 * names the wrong weekday or cannot be read is refused with a sentence, in
 * the interface's language, that says what to type instead.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL with @error set
 */
GDate *
rd_date_parse_typed (const char   *text,
                     const GDate  *today,
                     GError      **error)
{
  g_autofree char *stripped = NULL;
  Tokens tokens = { 0 };
  Fields fields;
  GDate *date = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (!tokenize (stripped, &tokens) || tokens.n_tokens == 0)
    {
      clear_tokens (&tokens);
      set_unreadable (stripped, error);
      return NULL;
    }
  date = read_relative (stripped, today);
  if (date == NULL)
    {
      if (read_fields (&tokens, today, &fields))
        date = check_fields (stripped, &fields, error);
      else
        set_unreadable (stripped, error);
    }
  clear_tokens (&tokens);
  return date;
}
