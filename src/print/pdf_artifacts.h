// pdf_artifacts.h: page furniture as artifacts in a tagged PDF's content stream. cairo 1.16 has
// no artifact tag: what it draws outside every structure element (running header, footer, page
// numbers, rules, tile backgrounds) is simply untagged, which PDF/UA reads as a fault. This wraps
// each such run of painting in /Artifact BMC ... EMC, by a small lexer of the content stream (qpdf's
// token filter does the same at a tenth of the speed: the report's maps are long paths; zlib's
// level 6 alone costs more than the whole report's tables, so the pages are compressed at level 2).
#pragma once
#include <string>

namespace sespm {

// A page's decoded content stream with every painting operator outside a structure element's
// marked content (a BDC whose properties hold an /MCID) inside an /Artifact sequence. Other
// marked content outside the structure (cairo's /Span /ActualText) stays inside the run around it.
std::string mark_artifacts(const std::string& content);

// The same on a FlateDecode stream's bytes (cairo's), returned compressed again at a fast level
// (the step runs once a page, on several threads). Throws std::runtime_error on bytes zlib
// cannot inflate.
std::string mark_artifacts_deflated(const std::string& flate);

} // namespace sespm
