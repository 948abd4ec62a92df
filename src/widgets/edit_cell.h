// edit_cell.h: a text field whose edit is delivered whole when the user leaves it (Enter, Tab or
// a click elsewhere). The text being typed lives in a buffer kept across frames, keyed by the
// widget's id, so the value committed is what was typed, not the model's value re-read in the
// frame the field loses focus (a plain ImGui input over a temporary would lose the edit).
#pragma once
#include <optional>
#include <string>

namespace sespm {

// Draws the field showing `current` while it is not being edited. Returns the typed text once,
// in the frame the edit ends (Enter, Tab, a click elsewhere); nullopt otherwise, and when Esc
// ended the edit or the text is unchanged (Esc cancels: the model's value is shown again). `decimal` limits input to digits.
std::optional<std::string> edit_cell(const char* id, const std::string& current, const char* hint, bool decimal);

} // namespace sespm
