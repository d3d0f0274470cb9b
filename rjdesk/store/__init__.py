"""The vault: keys, the SQLCipher engine, migrations, the audit log and search."""
