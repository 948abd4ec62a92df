// pdf_update.cpp: see pdf_update.h. One cross-reference subsection per run of consecutive
// object numbers, each entry 20 bytes as the standard asks.
#include "print/pdf_update.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/error.h"

namespace sespm {

namespace {

long previous_xref(const std::string& pdf) {
    size_t p = pdf.rfind("startxref");
    if (p == std::string::npos) throw DataError("the PDF has no startxref: it cannot be updated");
    return std::strtol(pdf.c_str() + p + 9, nullptr, 10);
}

std::string xref_section(const std::map<int, size_t>& offsets) {
    std::string out = "xref\n";
    char line[32];
    for (auto it = offsets.begin(); it != offsets.end();) {
        auto end = it;
        int count = 0;
        while (end != offsets.end() && end->first == it->first + count) { ++end; ++count; }
        out += std::to_string(it->first) + " " + std::to_string(count) + "\n";
        for (; it != end; ++it) {
            std::snprintf(line, sizeof line, "%010zu 00000 n \n", it->second);
            out += line;
        }
    }
    return out;
}

} // namespace

std::string append_pdf_update(const std::string& pdf, const std::map<int, std::string>& objects, const std::string& trailer,
                              int old_size) {
    long prev = previous_xref(pdf);
    std::string out = pdf;
    if (!out.empty() && out.back() != '\n') out += '\n';
    std::map<int, size_t> offsets;
    for (const auto& [id, body] : objects) {
        offsets[id] = out.size();
        out += std::to_string(id) + " 0 obj\n" + body + "\nendobj\n";
    }
    size_t xref = out.size();
    out += xref_section(offsets);
    int size = std::max(old_size, objects.empty() ? 0 : objects.rbegin()->first + 1);
    std::string t = trailer;
    size_t close = t.rfind(">>");
    if (close == std::string::npos) throw DataError("append_pdf_update: the trailer is not a dictionary");
    t.insert(close, " /Prev " + std::to_string(prev) + " /Size " + std::to_string(size) + " ");
    out += "trailer\n" + t + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

} // namespace sespm
