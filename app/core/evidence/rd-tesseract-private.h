/* rd-tesseract-private.h: the functions of libtesseract that OCR calls, loaded when first needed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <tesseract/capi.h>

G_BEGIN_DECLS

/* Every libtesseract function rd-evidence-ocr.c calls. */
#define RD_TESSERACT_FUNCTIONS(F)            \
  F (TessBaseAPIClear)                       \
  F (TessBaseAPICreate)                      \
  F (TessBaseAPIDelete)                      \
  F (TessBaseAPIEnd)                         \
  F (TessBaseAPIGetAvailableLanguagesAsVector) \
  F (TessBaseAPIGetIterator)                 \
  F (TessBaseAPIGetLoadedLanguagesAsVector)  \
  F (TessBaseAPIInit3)                       \
  F (TessBaseAPIRecognize)                   \
  F (TessBaseAPISetImage)                    \
  F (TessBaseAPISetPageSegMode)              \
  F (TessBaseAPISetSourceResolution)         \
  F (TessDeleteText)                         \
  F (TessDeleteTextArray)                    \
  F (TessMonitorCreate)                      \
  F (TessMonitorDelete)                      \
  F (TessMonitorSetCancelFunc)               \
  F (TessMonitorSetCancelThis)               \
  F (TessPageIteratorBoundingBox)            \
  F (TessPageIteratorIsAtBeginningOf)        \
  F (TessResultIteratorConfidence)           \
  F (TessResultIteratorDelete)               \
  F (TessResultIteratorGetPageIterator)      \
  F (TessResultIteratorGetUTF8Text)          \
  F (TessResultIteratorNext)

/* A pointer to each, of the type capi.h declares it with: __typeof__
 * names the type without using the function, so nothing links to it. */
#define RD_TESSERACT_POINTER(name) __typeof__ (name) *name;
typedef struct {
  RD_TESSERACT_FUNCTIONS (RD_TESSERACT_POINTER)
} RdTesseract;
#undef RD_TESSERACT_POINTER

const RdTesseract *_rd_tesseract_load (GError **error);

G_END_DECLS
