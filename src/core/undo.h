// undo.h: undo and redo by whole-state snapshots. Each edit pushes the state it replaces; undo
// swaps back to it and keeps the undone state for redo; a new edit clears redo. States are
// small (a map of pledges, a scenario), so snapshots are simpler and safer than inverse commands.
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace sespm {

template <class State>
class UndoHistory {
public:
    explicit UndoHistory(size_t limit = 500) : limit_(limit) {}
    // Call before changing `current`: remembers it for undo and forgets any redo.
    void record(const State& current) {
        undo_.push_back(current);
        if (undo_.size() > limit_) undo_.erase(undo_.begin());
        redo_.clear();
    }
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // Replaces `current` with the state before the last edit; false if there is none.
    bool undo(State& current) {
        if (undo_.empty()) return false;
        redo_.push_back(std::move(current));
        current = std::move(undo_.back());
        undo_.pop_back();
        return true;
    }
    bool redo(State& current) {
        if (redo_.empty()) return false;
        undo_.push_back(std::move(current));
        current = std::move(redo_.back());
        redo_.pop_back();
        return true;
    }
    void clear() { undo_.clear(); redo_.clear(); }

private:
    size_t limit_;
    std::vector<State> undo_, redo_;
};

} // namespace sespm
