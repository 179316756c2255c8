// Input sniffing: is a decoded document HTML or scraped plain text?
#pragma once

#include <string_view>

namespace winnow::internal {

// True when the text looks like HTML: it starts (after spaces, BOM and
// comments) with a doctype or <html>/<head>/<body>, or well-known tags make
// up a clear share of its first 64 KiB.
bool looks_like_html(std::string_view text);

// True when the text opens (after white space) with a doctype, <html>,
// <head>, <body>, an XML declaration or a comment: HTML whatever follows.
bool starts_like_html(std::string_view text);

}  // namespace winnow::internal
