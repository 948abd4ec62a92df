// pg_connection.h: a libpq connection for the PostgreSQL project store: connecting from a
// location string (URI or keyword string; passwords only through ~/.pgpass, PGPASSFILE or
// pg_service.conf), statements with bound parameters only, results, and libpq/SQLSTATE errors
// turned into ProjectError kinds (40001/40P01 Retry, 42501 Denied, 23505 Exists, lost
// connection Io, lock timeout Busy). Only stores/pg_*.cpp include this.
#pragma once
#include <libpq-fe.h>

#include <optional>
#include <string>
#include <vector>

#include "stores/project_store.h"

namespace sespm::pg_store {

using Kind = ProjectError::Kind;
using Param = std::optional<std::string>;   // nullopt = SQL NULL
using Params = std::vector<Param>;

std::string num(long long v);
std::string num(double v);                   // exact (%.17g)

class Result {
public:
    explicit Result(PGresult* r) : r_(r) {}
    Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    Result(const Result&) = delete;
    ~Result() { PQclear(r_); }
    int rows() const { return PQntuples(r_); }
    bool null(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
    std::string text(int row, int col) const { return PQgetvalue(r_, row, col); }
    long long integer(int row, int col) const;
    double real(int row, int col) const;
    long long affected() const;

private:
    PGresult* r_;
};

class Connection {
public:
    explicit Connection(const std::string& location);
    ~Connection() { PQfinish(c_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // One statement with bound parameters ($1, $2, ...); throws ProjectError on failure.
    Result exec(const std::string& doing, const char* sql, const Params& params = {}) const;
    // Several statements of our own SQL (schema, BEGIN/COMMIT), no parameters.
    void script(const std::string& doing, const char* sql) const;
    // After a lost connection, outside a transaction: reconnect once; false when that fails.
    bool reconnect();
    bool ok() const { return PQstatus(c_) == CONNECTION_OK; }
    PGconn* raw() const { return c_; }
    const std::string& location() const { return location_; }

private:
    void connect();
    std::string location_;
    PGconn* c_ = nullptr;
};

// The ProjectError for a failed result (or, with r == nullptr, the connection's state).
ProjectError pg_error(PGconn* c, const PGresult* r, const std::string& location, const std::string& doing);

// UsageError for a server location libpq cannot read, or one that holds a password.
void check_server_location(const std::string& location);

} // namespace sespm::pg_store
