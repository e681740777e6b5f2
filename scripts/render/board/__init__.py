"""The status board's pages (tinh-hinh/), and everything the board adds to a build."""
