// pdf_accessibility.cpp: see pdf_accessibility.h. libqpdf reads cairo's bytes from memory and
// edits the catalog, the structure tree's top level, the tables' header cells and each page's
// content stream (its artifacts marked by print/pdf_artifacts); the changed objects are
// appended to cairo's bytes as an incremental update (print/pdf_update), so the thousands of
// objects nobody changed are neither parsed nor written again.
#include "print/pdf_accessibility.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/error.h"
#include "print/pdf_artifacts.h"
#include "print/pdf_update.h"

namespace sespm {

namespace {

// What the step changes: objects by number (each written again whole) and new bodies.
struct Changes {
    std::set<QPDFObjGen> objects;
    std::map<int, std::string> bodies;
    void touch(QPDFObjectHandle o) {
        if (!o.isIndirect()) return;
        if (o.getGeneration() != 0) throw DataError("the PDF has an object of a later generation: not cairo's");
        objects.insert(o.getObjGen());
    }
};

// Every page's content with its furniture marked as artifacts (print/pdf_artifacts): cairo's
// streams (one a page, FlateDecode) inflated, marked and deflated on as many threads as there are
// cores. A page whose content is not one such stream is left as it is.
void mark_pages(QPDF& pdf, Changes& changes) {
    struct Job {
        QPDFObjectHandle contents;
        std::string in, out;
    };
    std::vector<Job> jobs;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle c = page.getObjectHandle().getKey("/Contents");
        if (!c.isStream() || !c.isIndirect() || c.getGeneration() != 0) continue;
        QPDFObjectHandle filter = c.getDict().getKey("/Filter");
        if (!filter.isName() || filter.getName() != "/FlateDecode" || c.getDict().hasKey("/DecodeParms")) continue;
        auto data = c.getRawStreamData();
        jobs.push_back({c, std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()), ""});
    }
    std::atomic<size_t> next{0};
    std::exception_ptr failed;
    std::mutex failed_mutex;
    auto work = [&] {
        for (size_t k; (k = next++) < jobs.size();) try {
            jobs[k].out = mark_artifacts_deflated(jobs[k].in);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failed_mutex);
            failed = std::current_exception();
        }
    };
    std::vector<std::thread> threads(std::min<size_t>(jobs.size(), std::max(1u, std::thread::hardware_concurrency())) - (jobs.empty() ? 0 : 1));
    for (auto& t : threads) t = std::thread(work);
    work();
    for (auto& t : threads) t.join();
    if (failed) std::rethrow_exception(failed);
    for (auto& j : jobs) {
        QPDFObjectHandle dict = j.contents.getDict().shallowCopy();
        dict.replaceKey("/Length", QPDFObjectHandle::newInteger(static_cast<long long>(j.out.size())));
        changes.bodies[j.contents.getObjectID()] = dict.unparseResolved() + "\nstream\n" + j.out + "\nendstream";
    }
}

bool is(QPDFObjectHandle element, const char* type) {
    QPDFObjectHandle s = element.isDictionary() ? element.getKey("/S") : QPDFObjectHandle::newNull();
    return s.isName() && s.getName() == type;
}

std::vector<QPDFObjectHandle> kids_of(QPDFObjectHandle element) {
    QPDFObjectHandle k = element.getKey("/K");
    return k.isArray() ? k.getArrayAsVector() : std::vector<QPDFObjectHandle>{k};
}

// /Scope /Column on the header cells: each table's (each page's part's) first row.
void scope_headers(QPDFObjectHandle table, Changes& changes) {
    auto rows = kids_of(table);
    if (rows.empty() || !is(rows[0], "/TR")) return;
    for (auto& cell : kids_of(rows[0]))
        if (is(cell, "/TH")) {
            cell.replaceKey("/A", QPDFObjectHandle::parse("<< /O /Table /Scope /Column >>"));
            changes.touch(cell);
        }
}

// The object's body with `key` referring to `ref` ("12 0 R"), an object not in the file yet (a
// qpdf handle to it would be null, and a null value removes a key).
std::string body_with_ref(QPDFObjectHandle o, const char* key, const std::string& ref) {
    QPDFObjectHandle copy = o.shallowCopy();
    copy.removeKey(key);
    std::string body = copy.unparseResolved();
    return body.insert(body.rfind(">>"), std::string(key) + " " + ref + " ");
}

// The top-level elements under one new Document element (PDF/UA's root; poppler warns of a
// tagged PDF whose root holds several), /Alt on each Figure from `alts` in order, header cells
// scoped. Returns the count of Figures found.
size_t edit_structure(QPDFObjectHandle tree, int doc_id, const std::vector<std::string>& alts, Changes& changes) {
    std::vector<QPDFObjectHandle> top = kids_of(tree);
    std::string doc = std::to_string(doc_id) + " 0 R", refs;
    size_t figures = 0;
    for (auto& e : top) {
        if (!e.isIndirect() || e.getGeneration() != 0) throw DataError("the PDF's structure tree is not cairo's");
        refs += e.unparse() + " ";
        if (is(e, "/Figure") && figures < alts.size()) e.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[figures]));
        figures += is(e, "/Figure");
        if (is(e, "/Table")) scope_headers(e, changes);
        changes.bodies[e.getObjectID()] = body_with_ref(e, "/P", doc);
    }
    changes.bodies[doc_id] = "<< /Type /StructElem /S /Document /P " + tree.unparse() + " /K [ " + refs + "] >>";
    changes.bodies[tree.getObjectID()] = body_with_ref(tree, "/K", doc);
    return figures;
}

void edit_catalog(QPDF& pdf, const PdfAccessibility& a, int doc_id, Changes& changes) {
    QPDFObjectHandle root = pdf.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(a.lang));
    root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    QPDFObjectHandle prefs = root.getKey("/ViewerPreferences");
    prefs = prefs.isDictionary() ? prefs.shallowCopy() : QPDFObjectHandle::newDictionary();
    prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", prefs);
    changes.touch(root);
    size_t figures = 0;
    QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
    if (tree.isDictionary() && tree.isIndirect()) figures = edit_structure(tree, doc_id, a.figure_alts, changes);
    if (figures != a.figure_alts.size())
        throw DataError("the PDF has " + std::to_string(figures) + " figures but " + std::to_string(a.figure_alts.size()) +
                        " alternative texts were recorded");
}

} // namespace

std::string make_pdf_accessible(const std::string& bytes, const PdfAccessibility& a) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("cairo output", bytes.data(), bytes.size());
        QPDFObjectHandle trailer = pdf.getTrailer().shallowCopy();
        int size = trailer.getKey("/Size").getIntValueAsInt();
        Changes changes;
        edit_catalog(pdf, a, size, changes);
        mark_pages(pdf, changes);
        for (const auto& og : changes.objects)
            if (!changes.bodies.count(og.getObj())) changes.bodies[og.getObj()] = pdf.getObject(og).unparseResolved();
        for (const char* key : {"/Prev", "/Size", "/XRefStm"}) trailer.removeKey(key);
        return append_pdf_update(bytes, changes.bodies, trailer.unparseResolved(), size);
    } catch (const QPDFExc& e) {
        throw DataError(std::string("the PDF could not be made accessible: ") + e.what());
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const DataError*>(&e)) throw;
        throw DataError(std::string("the PDF could not be made accessible: ") + e.what());
    }
}

} // namespace sespm
