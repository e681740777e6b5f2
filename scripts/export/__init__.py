"""Downloads built with the site: CSV, Excel, JSON, iCalendar and QR codes, as bytes."""
