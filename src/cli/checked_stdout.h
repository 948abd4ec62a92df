// checked_stdout.h: owns the command line's standard output. While a CheckedStdout lives,
// std::cout writes through it straight to file descriptor 1, and the first failed write is kept
// (with its errno), so `table > /dev/full` ends in exit 1 and "no space left on device", never in
// exit 0 and a truncated table. After a failure the rest of the output is dropped.
#pragma once
#include <streambuf>
#include <string>
#include <vector>

namespace sespm {

class CheckedStdout : public std::streambuf {
public:
    CheckedStdout();   // installs itself as std::cout's buffer
    ~CheckedStdout() override;  // puts the old buffer back
    CheckedStdout(const CheckedStdout&) = delete;
    CheckedStdout& operator=(const CheckedStdout&) = delete;
    // Flushes everything (C stdio too) and closes descriptor 1; returns "" when all of the output
    // was written, else the reason ("no space left on device").
    std::string finish();

protected:
    int_type overflow(int_type ch) override;
    int sync() override;

private:
    bool drain();
    std::vector<char> buf_;
    std::streambuf* old_ = nullptr;
    int err_ = 0;
    bool finished_ = false;
};

} // namespace sespm
