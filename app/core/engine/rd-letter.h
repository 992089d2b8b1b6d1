/* rd-letter.h: a letter as structured text: a title and blocks (addresses, paragraphs, lists).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_LETTER (rd_letter_get_type ())
G_DECLARE_FINAL_TYPE (RdLetter, rd_letter, RD, LETTER, GObject)

typedef enum {
  RD_LETTER_STAGE1_COMPLAINT,   /* a formal stage 1 complaint */
  RD_LETTER_CHASER,             /* chasing an overdue acknowledgement or response */
  RD_LETTER_ESCALATION,         /* asking for the complaint to go to the next stage */
  RD_LETTER_OMBUDSMAN_SUMMARY,  /* a summary to send with a referral to the Ombudsman */
  RD_LETTER_N_KINDS
} RdLetterKind;

/* What each block is, so that a PDF or a text view can lay it out. Text
 * in a block may hold several lines (an address) but never markup. */
typedef enum {
  RD_LETTER_BLOCK_SENDER,      /* the resident's name and address */
  RD_LETTER_BLOCK_RECIPIENT,   /* who it goes to */
  RD_LETTER_BLOCK_DATE,        /* the date it is written, with its weekday */
  RD_LETTER_BLOCK_SUBJECT,     /* one line, often shown in bold */
  RD_LETTER_BLOCK_SALUTATION,  /* "Dear …," */
  RD_LETTER_BLOCK_HEADING,     /* a short heading inside the letter */
  RD_LETTER_BLOCK_PARAGRAPH,
  RD_LETTER_BLOCK_LIST_ITEM,   /* one item of a bulleted list */
  RD_LETTER_BLOCK_CLOSING,     /* "Yours faithfully," and the name */
} RdLetterBlockKind;

typedef struct {
  RdLetterBlockKind  kind;
  char              *text;
} RdLetterBlock;

RdLetter            *rd_letter_new            (RdLetterKind       kind,
                                               const char        *title);
RdLetterKind         rd_letter_get_kind       (RdLetter          *self);
const char          *rd_letter_get_title      (RdLetter          *self);
guint                rd_letter_get_n_blocks   (RdLetter          *self);
const RdLetterBlock *rd_letter_get_block      (RdLetter          *self,
                                               guint              index);
GPtrArray           *rd_letter_steal_blocks   (RdLetter          *self);
void                 rd_letter_add            (RdLetter          *self,
                                               RdLetterBlockKind  kind,
                                               const char        *text);
void                 rd_letter_add_printf     (RdLetter          *self,
                                               RdLetterBlockKind  kind,
                                               const char        *format,
                                               ...) G_GNUC_PRINTF (3, 4);
char                *rd_letter_to_text        (RdLetter          *self);

const char          *rd_letter_kind_get_label (RdLetterKind       kind);
const char          *rd_letter_kind_to_key    (RdLetterKind       kind);
gboolean             rd_letter_kind_from_key  (const char        *key,
                                               RdLetterKind      *out);

G_END_DECLS
