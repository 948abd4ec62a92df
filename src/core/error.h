// error.h: the program's own error types. A DataError is bad or missing input (exit 1);
// a UsageError is a bad command line (exit 2). Library errors (GDAL, GEOS, PROJ, SQLite) are
// wrapped into DataError with the file, the line or feature, and the field they concern.
#pragma once
#include <stdexcept>
#include <string>

namespace sespm {

struct DataError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A value the shared model cannot take, named by the setting it came from ("ratio", "period",
// "classes", "codes"...), not by a command-line flag. The command line prints what() as it
// always read ("--ratio E06000044: the ratio must be ..."); the window says it in words
// (message_for_people: "Residents per place 'E06000044': the ratio must be ..."). A problem
// that names another setting writes it in braces ("give a later {period}"): "--period" on the
// command line, "'Period'" in the window.
struct SettingError : UsageError {
    SettingError(std::string setting, std::string value, std::string problem);
    std::string setting, value, problem;
};

// What the window shows for an error: a SettingError in words, any other error as it is; in
// either, a setting named in braces ("choose one by its name ({sheet})") in words ('Sheet').
std::string message_for_people(const std::exception& e);
// What the command line prints for an error: what(), a setting named in braces as its flag.
std::string message_for_command_line(const std::exception& e);

// "FILE:LINE: field 'F': what" — the one format every message about input follows.
std::string where(const std::string& file, long line, const std::string& field,
                  const std::string& what);

// A user's value as echoed in a message: at most `max` characters (UTF-8 sequences are not
// split), then "..." and the full length, so a 100 KB argument does not flood the terminal.
std::string clip(const std::string& value, size_t max = 80);
// A number as echoed in a message: %.10g, so 1e300 reads "1e+300", not 301 digits.
std::string short_number(double v);
// The last guard before a message is printed: any run of more than 200 characters without a
// space (a value no call site clipped) is clipped, and the message to at most 1000 characters.
std::string clip_message(const std::string& message);

} // namespace sespm
