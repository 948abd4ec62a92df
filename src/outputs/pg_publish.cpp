// pg_publish.cpp: see pg_publish.h. Table names cannot be bound parameters: they are checked
// against a strict pattern and quoted by libpq (PQescapeIdentifier) all the same.
#include "outputs/pg_publish.h"

#include <gdal_priv.h>

#include <cctype>
#include <memory>

#include "geodata/gdal_util.h"
#include "stores/pg_connection.h"

namespace sespm {

using pg_store::Connection;
using pg_store::Result;
using Kind = ProjectError::Kind;

void check_table_name(const std::string& table) {
    bool ok = !table.empty() && table.size() <= 40 && (std::islower(static_cast<unsigned char>(table[0])) || table[0] == '_');
    for (char c : table) ok = ok && (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_');
    if (!ok) throw SettingError("to-table", clip(table), "a table name of lower-case letters, digits and _ (at most 40), e.g. dispersal_se");
}

std::optional<std::pair<std::string, std::string>> table_in_location(const std::string& output) {
    if (output.rfind("postgresql://", 0) != 0 && output.rfind("postgres://", 0) != 0) return std::nullopt;
    size_t q = output.find('?');
    if (q == std::string::npos) return std::nullopt;
    std::string base = output.substr(0, q), rest, table;
    size_t start = q + 1;
    while (start <= output.size()) {
        size_t amp = output.find('&', start);
        std::string kv = output.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        if (kv.rfind("table=", 0) == 0) table = kv.substr(6);
        else if (!kv.empty()) rest += (rest.empty() ? "?" : "&") + kv;
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    if (table.empty()) return std::nullopt;
    return std::make_pair(base + rest, table);
}

namespace {

std::string quoted(const Connection& c, const std::string& name) {
    char* q = PQescapeIdentifier(c.raw(), name.c_str(), name.size());
    if (!q) throw ProjectError(Kind::Io, where(c.location(), 0, "", "cannot quote the table name: " + std::string(PQerrorMessage(c.raw()))));
    std::string out = q;
    PQfreemem(q);
    return out;
}

std::string ident(const Connection& c, const std::string& name) { return "published." + quoted(c, name); }

void write_staging(const ExportData& d, const std::string& location, const std::string& staging, const std::string& shown) {
    gdal_init();
    GdalErrorCapture capture;
    const char* open_opts[] = {"ACTIVE_SCHEMA=published", nullptr};
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx(("PG:" + location).c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, open_opts, nullptr)));
    if (!ds) throw DataError(where(shown, 0, "", "GDAL's PostgreSQL driver cannot open the server: " + capture.reason()));
    write_postgis_table(*ds, d, "published", staging, shown);
    CPLErrorReset();
    GDALClose(ds.release());
    if (CPLGetLastErrorType() >= CE_Failure) throw DataError(where(shown, 0, "", "GDAL cannot finish the table: " + capture.reason()));
}

// One transaction: the old table goes, the new one takes its name (and its index and sequence
// names follow), owned by the admins and readable by anyone.
void swap_in(Connection& c, const std::string& staging, const std::string& table) {
    c.script("publishing", "BEGIN");
    try {
        c.exec("publishing", ("DROP TABLE IF EXISTS " + ident(c, table)).c_str());
        c.exec("publishing", ("ALTER TABLE " + ident(c, staging) + " RENAME TO " + quoted(c, table)).c_str());
        Result parts = c.exec("publishing", "SELECT relname, relkind FROM pg_class WHERE relnamespace = 'published'::regnamespace"
                                            " AND left(relname, length($1)) = $1 AND relkind IN ('i', 'S')", {staging});
        for (int i = 0; i < parts.rows(); ++i) {
            std::string from = parts.text(i, 0), to = table + from.substr(staging.size());
            const char* what = parts.text(i, 1) == "i" ? "ALTER INDEX " : "ALTER SEQUENCE ";
            c.exec("publishing", (what + ident(c, from) + " RENAME TO " + quoted(c, to)).c_str());
        }
        c.exec("publishing", ("ALTER TABLE " + ident(c, table) + " OWNER TO sespm_admin").c_str());
        c.exec("publishing", ("GRANT SELECT ON " + ident(c, table) + " TO PUBLIC").c_str());
        c.script("publishing", "COMMIT");
    } catch (...) {
        PQclear(PQexec(c.raw(), "ROLLBACK"));
        throw;
    }
}

} // namespace

void publish_table(const ExportData& d, const std::string& location, const std::string& table) {
    check_table_name(table);
    pg_store::check_server_location(location);
    Connection c(location);
    std::string shown = location + " table published." + table;
    Result who = c.exec("publishing", "SELECT session_user, to_regclass('sespm.meta') IS NOT NULL");
    if (who.text(0, 1) != "t")
        throw ProjectError(Kind::NotAProject, where(shown, 0, "", "no SESPM project in this database; an admin runs sespm-map project init first"));
    if (c.exec("publishing", "SELECT sespm.is_admin()").text(0, 0) != "t")
        throw ProjectError(Kind::Denied, where(shown, 0, "", "publishing was refused: you (" + who.text(0, 0) +
                                                                 ") are not an admin of this project; publishing a table needs the admin role"));
    std::string staging = table + "_sespm_new";
    c.exec("publishing", ("DROP TABLE IF EXISTS " + ident(c, staging)).c_str());  // a failed run's leftover
    try {
        write_staging(d, location, staging, shown);
        swap_in(c, staging, table);
    } catch (...) {
        try { c.exec("publishing", ("DROP TABLE IF EXISTS " + ident(c, staging)).c_str()); } catch (...) {}
        throw;
    }
}

} // namespace sespm
