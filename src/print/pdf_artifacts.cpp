// pdf_artifacts.cpp: see pdf_artifacts.h. The lexer knows strings, hex strings, names, arrays,
// dictionaries, comments and inline images well enough to find operators; operands are kept as
// byte ranges of the input, so the output is the input with the artifact markers inserted.
#include "print/pdf_artifacts.h"

#include <zlib.h>

#include <cstring>
#include <stdexcept>
#include <string_view>

namespace sespm {

namespace {

bool space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool delimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr; }

bool painting(std::string_view op) {
    static constexpr std::string_view ops[] = {"Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"};
    for (auto o : ops) if (o == op) return true;
    return false;
}

// The end of the token starting at i (not whitespace); `op` set when it is an operator.
size_t token_end(const std::string& s, size_t i, std::string_view& op) {
    op = {};
    char c = s[i];
    if (c == '%') { while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i; return i; }
    if (c == '(') {
        int depth = 0;
        for (; i < s.size(); ++i) {
            if (s[i] == '\\') { ++i; continue; }
            if (s[i] == '(') ++depth;
            if (s[i] == ')' && --depth == 0) return i + 1;
        }
        return i;
    }
    if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') return i + 2;
    if (c == '>' && i + 1 < s.size() && s[i + 1] == '>') return i + 2;
    if (c == '<') { size_t e = s.find('>', i); return e == std::string::npos ? s.size() : e + 1; }
    if (delimiter(c) && c != '/') return i + 1;
    size_t e = i + 1;
    while (e < s.size() && !space(s[e]) && !delimiter(s[e])) ++e;
    bool number = std::strchr("0123456789+-.", c) != nullptr;
    if (c != '/' && !number) op = std::string_view(s).substr(i, e - i);
    return e;
}

// After an inline image's ID: the end of its EI operator.
size_t skip_inline_image(const std::string& s, size_t i) {
    for (size_t p = s.find("EI", i); p != std::string::npos; p = s.find("EI", p + 2))
        if (p > 0 && space(s[p - 1]) && (p + 2 == s.size() || space(s[p + 2]) || delimiter(s[p + 2]))) return p + 2;
    return s.size();
}

std::string inflate_all(const std::string& in) {
    std::string out(in.size() * 4 + 1024, '\0');
    z_stream z{};
    if (inflateInit(&z) != Z_OK) throw std::runtime_error("zlib: inflateInit failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (z.total_out == out.size()) out.resize(out.size() * 2);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
        z.avail_out = static_cast<uInt>(out.size() - z.total_out);
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_BUF_ERROR && z.avail_out > 0) break;   // truncated input: keep what came out
    }
    out.resize(z.total_out);
    inflateEnd(&z);
    if (rc != Z_STREAM_END && rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("zlib: a content stream does not inflate");
    return out;
}

std::string deflate_all(const std::string& in, int level) {
    uLongf size = compressBound(static_cast<uLong>(in.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(in.data()), static_cast<uLong>(in.size()), level) != Z_OK)
        throw std::runtime_error("zlib: compress2 failed");
    out.resize(size);
    return out;
}

} // namespace

std::string mark_artifacts_deflated(const std::string& flate) { return deflate_all(mark_artifacts(inflate_all(flate)), 2); }

std::string mark_artifacts(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 4096);
    size_t run_start = 0, operands = 0;   // the untagged run so far; the operands of the next operator
    int depth = 0;                        // marked-content nesting
    bool in_structure = false, paints = false;
    auto flush = [&](size_t end) {
        if (paints) out.append("/Artifact BMC\n").append(s, run_start, end - run_start).append("\nEMC\n");
        else out.append(s, run_start, end - run_start);
        paints = false;
    };
    for (size_t i = 0; i < s.size();) {
        if (space(s[i])) { ++i; continue; }
        std::string_view op;
        size_t e = token_end(s, i, op);
        if (op == "ID") e = skip_inline_image(s, e);
        i = e;
        if (op.empty()) continue;
        if ((op == "BDC" || op == "BMC") && depth++ == 0 &&
            std::string_view(s).substr(operands, e - operands).find("/MCID") != std::string_view::npos) {
            flush(operands);
            in_structure = true;
            run_start = operands;         // the structure's content is copied with the next run
        } else if (op == "EMC" && depth > 0) {
            if (--depth == 0 && in_structure) {
                out.append(s, run_start, e - run_start);
                run_start = e;
                in_structure = false;
            }
        } else if (!in_structure && (painting(op) || op == "ID")) {
            paints = true;
        }
        operands = e;
    }
    if (in_structure) out.append(s, run_start, s.size() - run_start);
    else flush(s.size());
    return out;
}

} // namespace sespm
