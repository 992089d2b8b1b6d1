/* rd-letter.c: a letter as structured text: a title and blocks (addresses, paragraphs, lists).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-letter"

#include "config.h"

#include "rd-gettext.h"

#include "rd-letter.h"

struct _RdLetter
{
  GObject       parent_instance;

  RdLetterKind  kind;
  char         *title;
  GPtrArray    *blocks;  /* RdLetterBlock */
};

G_DEFINE_FINAL_TYPE (RdLetter, rd_letter, G_TYPE_OBJECT)

static const struct {
  const char *key;
  const char *label;
} kinds[RD_LETTER_N_KINDS] = {
  { "stage1", N_("Stage 1 complaint") },
  { "chaser", N_("Chaser") },
  { "escalation", N_("Request to escalate") },
  { "ombudsman", N_("Summary for the Ombudsman") },
};

const char *
rd_letter_kind_get_label (RdLetterKind kind)
{
  g_return_val_if_fail (kind < RD_LETTER_N_KINDS, "");

  return _(kinds[kind].label);
}

const char *
rd_letter_kind_to_key (RdLetterKind kind)
{
  g_return_val_if_fail (kind < RD_LETTER_N_KINDS, "");

  return kinds[kind].key;
}

gboolean
rd_letter_kind_from_key (const char   *key,
                         RdLetterKind *out)
{
  for (guint i = 0; key != NULL && i < RD_LETTER_N_KINDS; i++)
    if (g_str_equal (key, kinds[i].key))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static void
block_free (RdLetterBlock *block)
{
  g_free (block->text);
  g_free (block);
}

static void
rd_letter_finalize (GObject *object)
{
  RdLetter *self = (RdLetter *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_letter_parent_class)->finalize (object);
}

static void
rd_letter_class_init (RdLetterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_letter_finalize;
}

static void
rd_letter_init (RdLetter *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

RdLetter *
rd_letter_new (RdLetterKind  kind,
               const char   *title)
{
  RdLetter *self;

  g_return_val_if_fail (kind < RD_LETTER_N_KINDS, NULL);

  self = g_object_new (RD_TYPE_LETTER, NULL);
  self->kind = kind;
  self->title = g_strdup (title ? title : "");
  return self;
}

RdLetterKind
rd_letter_get_kind (RdLetter *self)
{
  g_return_val_if_fail (RD_IS_LETTER (self), RD_LETTER_STAGE1_COMPLAINT);

  return self->kind;
}

const char *
rd_letter_get_title (RdLetter *self)
{
  g_return_val_if_fail (RD_IS_LETTER (self), NULL);

  return self->title;
}

guint
rd_letter_get_n_blocks (RdLetter *self)
{
  g_return_val_if_fail (RD_IS_LETTER (self), 0);

  return self->blocks->len;
}

const RdLetterBlock *
rd_letter_get_block (RdLetter *self,
                     guint     index)
{
  g_return_val_if_fail (RD_IS_LETTER (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

/**
 * rd_letter_steal_blocks:
 *
 * Takes the letter's blocks, leaving it with none: for a caller that
 * copies a long letter elsewhere and can free each block's text as it
 * goes, rather than hold the letter twice.
 *
 * Returns: (transfer full) (element-type RdLetterBlock): the blocks, in
 *   order; freeing the array frees them
 */
GPtrArray *
rd_letter_steal_blocks (RdLetter *self)
{
  GPtrArray *blocks;

  g_return_val_if_fail (RD_IS_LETTER (self), NULL);

  blocks = g_steal_pointer (&self->blocks);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return blocks;
}

/**
 * rd_letter_add:
 *
 * Appends a block. Empty text adds nothing, so callers need not check
 * optional facts first.
 */
void
rd_letter_add (RdLetter          *self,
               RdLetterBlockKind  kind,
               const char        *text)
{
  g_autofree char *clean = NULL;
  RdLetterBlock *block;

  g_return_if_fail (RD_IS_LETTER (self));

  if (text == NULL)
    return;
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    return;
  block = g_new0 (RdLetterBlock, 1);
  block->kind = kind;
  block->text = g_steal_pointer (&clean);
  g_ptr_array_add (self->blocks, block);
}

void
rd_letter_add_printf (RdLetter          *self,
                      RdLetterBlockKind  kind,
                      const char        *format,
                      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  rd_letter_add (self, kind, text);
}

/**
 * rd_letter_to_text:
 *
 * Returns: (transfer full): the letter as plain text, ready to paste into
 *   an email or a word processor: blocks separated by blank lines, list
 *   items as "• " lines kept together
 */
char *
rd_letter_to_text (RdLetter *self)
{
  GString *out;

  g_return_val_if_fail (RD_IS_LETTER (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      RdLetterBlock *block = g_ptr_array_index (self->blocks, i);
      RdLetterBlock *previous = i > 0 ? g_ptr_array_index (self->blocks, i - 1) : NULL;

      if (previous != NULL)
        {
          gboolean same_list = previous->kind == RD_LETTER_BLOCK_LIST_ITEM &&
                               block->kind == RD_LETTER_BLOCK_LIST_ITEM;
          gboolean under_heading = previous->kind == RD_LETTER_BLOCK_HEADING;

          g_string_append (out, same_list || under_heading ? "\n" : "\n\n");
        }
      if (block->kind == RD_LETTER_BLOCK_LIST_ITEM)
        g_string_append (out, "• ");
      g_string_append (out, block->text);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
