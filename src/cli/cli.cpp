// cli.cpp: subcommand dispatch and the mapping of errors to exit codes (see cli.h).
#include "cli/cli.h"

#include <iostream>

#include "cli/checked_stdout.h"
#include "cli/commands.h"
#include "cli/manual.h"
#include "core/bad_rows.h"
#include "core/error.h"
#include "core/output_file.h"

namespace sespm {

static const char* kMainUsage = R"(usage: sespm-map <command> [options]     (each command has --help)
       sespm-map [window options]          opens the desktop map (sespm-map --help)

)";
static const char* kAbout = "SESPM Map: local authority figures for the South East Strategic Partnership for Migration.\n";

// After the list of commands (commands_help()).
static const char* kMainHelpEnd = R"(Data is found through --data DIR, then $SESPM_DATA, then ./data, then ../shared/data.
Every data command also accepts --skip-bad-rows (use the good rows of a partly bad figures or
points file and exit 0; the rejected rows are still listed on stderr) and --source-layer NAME
(the layer to read from a file that holds several, e.g. a GeoPackage). A points file may be
an .xlsx or .ods workbook: --sheet NAME picks the sheet (else the only one with lat,lon,
easting,northing or postcode columns); title rows above the header are fine.
Exit status: 0 success, 1 data error (including rejected rows without --skip-bad-rows),
2 usage error.
)";

// Sets a single-value input option; the same option again with another value is a usage error.
static void set_once(std::string& slot, bool& given, const std::string& option, const std::string& value) {
    if (given && slot != value)
        throw UsageError(option + " is given twice ('" + clip(slot, 60) + "', then '" + clip(value, 60) + "'); it takes one value: give it once");
    slot = value;
    given = true;
}

// Takes the input options every data command shares out of the arguments.
static std::vector<std::string> take_input_options(const std::vector<std::string>& args) {
    std::vector<std::string> rest;
    InputOptions& o = input_options();
    bool layer_given = false, sheet_given = false;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--skip-bad-rows") o.skip_bad_rows = true;
        else if (args[i].rfind("--source-layer=", 0) == 0) set_once(o.source_layer, layer_given, "--source-layer", args[i].substr(15));
        else if (args[i] == "--source-layer") {
            if (i + 1 >= args.size()) throw UsageError("--source-layer needs a value (a layer name)");
            set_once(o.source_layer, layer_given, "--source-layer", args[++i]);
        } else if (args[i].rfind("--sheet=", 0) == 0) set_once(o.sheet, sheet_given, "--sheet", args[i].substr(8));
        else if (args[i] == "--sheet") {
            if (i + 1 >= args.size()) throw UsageError("--sheet needs a value (a sheet's name)");
            set_once(o.sheet, sheet_given, "--sheet", args[++i]);
        } else rest.push_back(args[i]);
    }
    return rest;
}

// Lists the notes and rejected rows the readers logged; rejected rows make a successful
// command exit 1 unless --skip-bad-rows was given.
static int finish_with_input_log(int rc) {
    for (const auto& n : input_log().notes()) std::cerr << "sespm-map: note: " << n << "\n";
    auto rows = input_log().rejected();
    for (const auto& r : rows) std::cerr << "sespm-map: rejected row: " << r.message() << "\n";
    if (!rows.empty() && rc == 0 && !input_options().skip_bad_rows) {
        size_t n = distinct_rows(rows);  // a row bad in two fields is one row
        std::cerr << "sespm-map: error: " << n << " row" << (n == 1 ? " was" : "s were")
                  << " rejected (listed above); the result uses the other rows. Fix the file, or pass "
                     "--skip-bad-rows to accept the result without them\n";
        return 1;
    }
    return rc;
}

bool is_cli_command(const std::string& a) {
    return find_command(a) != nullptr || a == "help" || a == "--help-commands";
}

static int dispatch(const std::vector<std::string>& all_args) {
    try {
        std::vector<std::string> args = take_input_options(all_args);
        if (args.size() == 2 && args[0] == "help" && args[1] == "--manual") {  // sespm-map(1), from the table
            std::cout << manual_page(kAbout, kMainHelpEnd);
            return 0;
        }
        if (args.empty() || args[0] == "--help-commands" || args[0] == "-h" || args[0] == "help") {
            std::cout << kMainUsage << kAbout << "Commands:\n" << commands_help() << kMainHelpEnd;
            return args.empty() ? 2 : 0;
        }
        std::vector<std::string> rest(args.begin() + 1, args.end());
        if (const Command* c = find_command(args[0])) return c->run(rest);
        throw UsageError("unknown command '" + clip(args[0]) + "' (" + command_names() + "; see sespm-map --help)");
    } catch (const UsageError& e) {
        std::cerr << "sespm-map: usage error: " << clip_message(message_for_command_line(e)) << "\n";
        return 2;
    } catch (const DataError& e) {
        std::cerr << "sespm-map: error: " << clip_message(message_for_command_line(e)) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "sespm-map: error: " << clip_message(message_for_command_line(e)) << "\n";
        return 1;
    }
}

// Puts the command's staged outputs in place when it succeeded as a whole; otherwise says which
// files were not written (their earlier versions untouched) and lets StagedOutputs remove them.
static int commit_outputs(StagedOutputs& outputs, int rc) {
    if (rc != 0) {
        for (const auto& p : outputs.staged_paths())
            std::cerr << "sespm-map: " << clip(p) << " was not written, because the command failed; an earlier file of that name is unchanged\n";
        return rc;
    }
    try {
        outputs.commit();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "sespm-map: error: " << clip_message(e.what()) << "\n";
        return 1;
    }
}

int run_cli(const std::vector<std::string>& args) {
    CheckedStdout out;
    StagedOutputs outputs;
    int rc = commit_outputs(outputs, finish_with_input_log(dispatch(args)));
    std::string why = out.finish();
    if (why.empty()) return rc;
    std::cerr << "sespm-map: error: cannot write the output (standard output): " << why << "\n";
    return rc == 0 ? 1 : rc;
}

} // namespace sespm
