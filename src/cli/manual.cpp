// manual.cpp: see manual.h.
#include "cli/manual.h"

#include <iostream>
#include <sstream>

#include "cli/commands.h"

namespace sespm {

namespace {

// Text as roff prints it literally: backslashes escaped, a line starting with a control
// character ('.' or ''') made ordinary.
std::string roff_text(const std::string& text) {
    std::string out;
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
        line_start = c == '\n';
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
}

// What the command prints for --help, captured from its own run function.
std::string help_of(const Command& c) {
    std::ostringstream text;
    std::streambuf* before = std::cout.rdbuf(text.rdbuf());
    try {
        c.run({"--help"});
    } catch (...) {
        std::cout.rdbuf(before);
        throw;
    }
    std::cout.rdbuf(before);
    return text.str();
}

} // namespace

std::string manual_page(const std::string& intro, const std::string& closing) {
    std::string page = ".TH SESPM-MAP 1 \"\" \"SESPM Map\" \"User Commands\"\n"
                       ".SH NAME\nsespm\\-map \\- maps and figures for the South East Strategic Partnership for Migration\n"
                       ".SH SYNOPSIS\n.B sespm\\-map\n[\\fIwindow options\\fR]\n.br\n.B sespm\\-map\n"
                       "\\fIcommand\\fR [\\fIoptions\\fR]\n.SH DESCRIPTION\n.nf\n" +
                       roff_text(intro) + ".fi\n.SH COMMANDS\n";
    for (const Command& c : commands()) {
        page += ".SS " + roff_text(c.name) + roff_text(c.summary) + ".PP\n.nf\n" + roff_text(help_of(c)) + ".fi\n";
    }
    page += ".SH \"DATA AND EXIT STATUS\"\n.nf\n" + roff_text(closing) + ".fi\n"
            ".SH \"SEE ALSO\"\n"
            "sespm\\-map \\-\\-help (the desktop map's options), and the README of the package.\n";
    return page;
}

} // namespace sespm
