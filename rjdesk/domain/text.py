"""Folding and normalisation of names, phone numbers and addresses: the protocol's, so the hub's
case index (``rjdesk_hub.console.index``) folds exactly as the laptop's search does."""

from __future__ import annotations

from rjdesk_protocol.text import (
    address_key,
    fold,
    name_key,
    phone_key,
    postcode_key,
    search_terms,
)

__all__ = ["address_key", "fold", "name_key", "phone_key", "postcode_key", "search_terms"]
