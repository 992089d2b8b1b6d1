/* rd-bundle-fit.c: where an evidence page lies on the bundle's paper.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include "rd-bundle-private.h"

/* The matrix that puts the page box @box, shown turned by @rotate
 * (clockwise), upright on @paper: scaled down (never up) to fit above the
 * stamp's band within the margins, and centred there. */
void
_rd_fit_matrix (const double box[4],
                int          rotate,
                const double paper[4],
                double       m[6])
{
  double w = box[2] - box[0], h = box[3] - box[1];
  gboolean turned = rotate == 90 || rotate == 270;
  double shown_w = turned ? h : w, shown_h = turned ? w : h;
  double avail_w = paper[2] - paper[0] - 2 * RD_EVIDENCE_MARGIN;
  double avail_h = paper[3] - paper[1] - RD_STAMP_BAND - RD_EVIDENCE_MARGIN;
  double scale = MIN (1.0, MIN (avail_w / MAX (shown_w, 1), avail_h / MAX (shown_h, 1)));
  double ox = paper[0] + (paper[2] - paper[0] - scale * shown_w) / 2;
  double oy = paper[1] + RD_STAMP_BAND + (avail_h - scale * shown_h) / 2;
  double r[6];

  /* First the box, turned as a reader would see it, with its lower left
   * corner at the origin; then scaled and moved into place. */
  switch (rotate)
    {
    case 90:
      r[0] = 0; r[1] = -1; r[2] = 1; r[3] = 0; r[4] = -box[1]; r[5] = w + box[0];
      break;
    case 180:
      r[0] = -1; r[1] = 0; r[2] = 0; r[3] = -1; r[4] = box[0] + w; r[5] = box[1] + h;
      break;
    case 270:
      r[0] = 0; r[1] = 1; r[2] = -1; r[3] = 0; r[4] = box[1] + h; r[5] = -box[0];
      break;
    default:
      r[0] = 1; r[1] = 0; r[2] = 0; r[3] = 1; r[4] = -box[0]; r[5] = -box[1];
      break;
    }
  for (int i = 0; i < 6; i++)
    m[i] = scale * r[i];
  m[4] += ox;
  m[5] += oy;
}

/* @rect (x0 y0 x1 y1) carried by @m, as the box around the result. */
void
_rd_transform_rect (const double m[6],
                    const double rect[4],
                    double       out[4])
{
  out[0] = out[1] = G_MAXDOUBLE;
  out[2] = out[3] = -G_MAXDOUBLE;
  for (int i = 0; i < 4; i++)
    {
      double x = rect[i & 1 ? 2 : 0], y = rect[i & 2 ? 3 : 1];
      double tx = m[0] * x + m[2] * y + m[4], ty = m[1] * x + m[3] * y + m[5];

      out[0] = MIN (out[0], tx);
      out[1] = MIN (out[1], ty);
      out[2] = MAX (out[2], tx);
      out[3] = MAX (out[3], ty);
    }
}
