"""The payments benchmark: pricing, checkout by invoice and online, callbacks, invoice export."""
