// pg_listen.h: live refresh from a shared server: a background thread keeps its own connection
// LISTENing on `sespm_changes` (which the history trigger NOTIFYs at each commit), takes a notice
// only as a hint, reads what changed from the history itself (at most once a second) and queues
// it; after a dropped connection or a server restart it reconnects (every 2 s until it
// can), LISTENs again and says so, so the window reloads what changed meanwhile. The window
// only takes the queue each frame: nothing here blocks it.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <set>
#include <thread>
#include <vector>

namespace sespm {

struct ChangeNote {
    long long id = 0;
    std::string table, key, who;
};

class ChangeListener {
public:
    explicit ChangeListener(const std::string& location);
    ~ChangeListener();
    ChangeListener(const ChangeListener&) = delete;
    ChangeListener& operator=(const ChangeListener&) = delete;

    struct Taken {
        std::vector<ChangeNote> changes;   // since the last take, oldest first
        bool reconnected = false;          // the connection came back: reload everything
        bool connected = false;            // listening now
        std::string problem;               // why not, when not
        std::string user;                  // who this program is on the server (session_user)
    };
    Taken take();

private:
    void run();
    bool listen_once(void*& conn);
    void wait_for_notes(void* conn);
    bool read_new_entries(void* conn, bool queue);

    std::string location_;
    std::mutex m_;
    Taken pending_;
    bool ever_connected_ = false;
    long long last_id_ = 0;                // the newest history id seen (the thread's own, as below)
    std::set<long long> seen_ids_;         // ids seen within the late-commit window below it
    bool more_entries_ = false;            // the last read stopped at its limit
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace sespm
