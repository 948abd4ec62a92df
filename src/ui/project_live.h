// project_live.h: the window's side of a shared project: opening a project by location (a file
// or a server), live refresh on a server (the listener, stores/pg_listen, hears other planners'
// edits; the window reloads the pledges, the open scenarios and the map within a second, saying
// who changed what; after a dropped connection it says so and reloads on reconnecting), and the
// conflict dialog: an edit refused because someone changed the row first, with Keep theirs /
// Overwrite.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "map/session.h"
#include "stores/pg_listen.h"

namespace sespm {

class MapApp;

class LiveProject {
public:
    explicit LiveProject(MapApp& app) : app_(app) {}

    void open_location(const std::string& location);   // File > Open project, a file or a server
    void refresh();                        // each frame: take what the listener heard
    void conflict_dialog();                // shown while conflict_message is set

    std::unique_ptr<ChangeListener> listener;  // on a server project only
    bool pending = false;                  // heard a change while a load ran: reload after it
    std::string note;                      // what was heard last, said in the status line
    std::string problem;                   // the connection's trouble, shown in the File menu
    std::string layout;                    // for tests ($SESPM_UI_LAYOUT): what was heard, and the pledge now held
    // A refused edit (someone changed the row first): the message, shown with Keep theirs /
    // Overwrite, and the same edit to run again over their change on Overwrite.
    std::string conflict_message;
    std::function<void(Session&)> conflict_retry;

private:
    MapApp& app_;
};

} // namespace sespm
