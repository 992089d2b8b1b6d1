/* rd-case-page.c: the base class of the pages that show one open case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-page"

#include "config.h"

#include "rd-case-page.h"

/*
 * The window talks to every page of an open case in the same words: it
 * sets "store" once, right after creating the page, sets "case" when the
 * resident opens another case (and NULL when the window closes), and asks
 * the page to flush before it lets a case go or closes. This class keeps
 * those words in one place, so that a page only says what it does when
 * they change.
 *
 * The order matters for nothing to be lost: before the store or the case
 * is replaced, the page writes what it has pending to the old one.
 */

typedef struct
{
  RdStore *store;
  RdCase  *rcase;
} RdCasePagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RdCasePage, rd_case_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * rd_case_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store the page reads and writes
 */
RdStore *
rd_case_page_get_store (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), NULL);

  return priv->store;
}

/**
 * rd_case_page_get_case:
 *
 * Returns: (transfer none) (nullable): the open case
 */
RdCase *
rd_case_page_get_case (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), NULL);

  return priv->rcase;
}

/**
 * rd_case_page_flush:
 *
 * Writes what the page has not written yet. A page with nothing to write
 * succeeds.
 */
gboolean
rd_case_page_flush (RdCasePage  *self,
                    GError     **error)
{
  RdCasePageClass *klass;

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = RD_CASE_PAGE_GET_CLASS (self);
  return klass->flush == NULL || klass->flush (self, error);
}

void
rd_case_page_set_store (RdCasePage *self,
                        RdStore    *store)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));
  g_return_if_fail (store == NULL || RD_IS_STORE (store));

  if (priv->store == store)
    return;
  /* An error was already shown by the page; the store goes anyway. */
  rd_case_page_flush (self, NULL);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_set_object (&priv->store, store);
  if (RD_CASE_PAGE_GET_CLASS (self)->store_changed != NULL)
    RD_CASE_PAGE_GET_CLASS (self)->store_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
rd_case_page_set_case (RdCasePage *self,
                       RdCase     *rcase)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));
  g_return_if_fail (rcase == NULL || RD_IS_CASE (rcase));

  if (priv->rcase == rcase)
    return;
  /* Write what is pending for the old case before letting go of it. */
  rd_case_page_flush (self, NULL);
  g_set_object (&priv->rcase, rcase);
  if (RD_CASE_PAGE_GET_CLASS (self)->case_changed != NULL)
    RD_CASE_PAGE_GET_CLASS (self)->case_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
rd_case_page_dispose (GObject *object)
{
  RdCasePage *self = RD_CASE_PAGE (object);
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_clear_object (&priv->rcase);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rd_case_page_parent_class)->dispose (object);
}

static void
rd_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RdCasePage *self = RD_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rd_case_page_get_store (self));
      break;
    case PROP_CASE:
      g_value_set_object (value, rd_case_page_get_case (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RdCasePage *self = RD_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rd_case_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      rd_case_page_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_page_class_init (RdCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_case_page_dispose;
  object_class->get_property = rd_case_page_get_property;
  object_class->set_property = rd_case_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_case_page_init (RdCasePage *self)
{
}
