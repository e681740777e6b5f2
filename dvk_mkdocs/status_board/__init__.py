"""The status board plugin: data → status pages, downloads, QR codes and history."""
