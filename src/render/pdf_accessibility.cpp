// pdf_accessibility.cpp: see pdf_accessibility.h. libqpdf reads cairo's bytes from memory,
// edits the catalog and the structure tree in place, replaces each page's content stream with
// its artifacts marked (render/pdf_artifacts), and writes the whole file back to memory.
#include "render/pdf_accessibility.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "core/error.h"
#include "render/pdf_artifacts.h"

namespace sespm {

namespace {

// Every page's content with its furniture marked as artifacts (render/pdf_artifacts). cairo's
// streams (FlateDecode) are inflated, marked and deflated on as many threads as there are cores
// (any other is decoded by qpdf first), so the writer passes every stream through as it is.
void mark_pages(QPDF& pdf) {
    struct Job {
        QPDFObjectHandle contents;
        std::string in, out;
        bool flate = false;
    };
    std::vector<Job> jobs;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        if (page.getObjectHandle().getKey("/Contents").isArray()) page.coalesceContentStreams();
        Job j{page.getObjectHandle().getKey("/Contents"), "", "", false};
        if (!j.contents.isStream()) continue;
        QPDFObjectHandle filter = j.contents.getDict().getKey("/Filter");
        j.flate = filter.isName() && filter.getName() == "/FlateDecode" && !j.contents.getDict().hasKey("/DecodeParms");
        auto data = j.flate ? j.contents.getRawStreamData() : j.contents.getStreamData(qpdf_dl_generalized);
        j.in.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        jobs.push_back(std::move(j));
    }
    std::atomic<size_t> next{0};
    std::exception_ptr failed;
    std::mutex failed_mutex;
    auto work = [&] {
        for (size_t k; (k = next++) < jobs.size();) try {
            jobs[k].out = mark_artifacts_deflated(jobs[k].in, jobs[k].flate);
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
    for (auto& j : jobs)
        j.contents.replaceStreamData(j.out, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
}

// The structure tree's elements under one Document element (PDF/UA's root; poppler warns of a
// tagged PDF whose root holds several), so cairo's top-level elements become its children.
void wrap_in_document(QPDF& pdf, QPDFObjectHandle tree) {
    QPDFObjectHandle kids = tree.getKey("/K");
    if (kids.isNull()) return;
    if (kids.isDictionary() && kids.getKey("/S").isName() && kids.getKey("/S").getName() == "/Document") return;
    if (!kids.isArray()) kids = QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{kids});
    QPDFObjectHandle doc = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /StructElem /S /Document >>"));
    doc.replaceKey("/P", tree);
    doc.replaceKey("/K", kids);
    for (int i = 0; i < kids.getArrayNItems(); ++i)
        if (kids.getArrayItem(i).isDictionary()) kids.getArrayItem(i).replaceKey("/P", doc);
    tree.replaceKey("/K", doc);
}

// Depth first in document order: /Alt on each Figure from `alts`, /Scope on each TH.
void visit(QPDFObjectHandle node, const std::vector<std::string>& alts, size_t& figures) {
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) visit(node.getArrayItem(i), alts, figures);
        return;
    }
    if (!node.isDictionary()) return;
    QPDFObjectHandle s = node.getKey("/S");
    if (s.isName() && s.getName() == "/Figure") {
        if (figures < alts.size()) node.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[figures]));
        ++figures;
    }
    if (s.isName() && s.getName() == "/TH")
        node.replaceKey("/A", QPDFObjectHandle::parse("<< /O /Table /Scope /Column >>"));
    if (node.hasKey("/K") && !(node.getKey("/Type").isName() && node.getKey("/Type").getName() == "/MCR"))
        visit(node.getKey("/K"), alts, figures);
}

void edit_catalog(QPDF& pdf, const PdfAccessibility& a) {
    QPDFObjectHandle root = pdf.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(a.lang));
    root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    QPDFObjectHandle prefs = root.getKey("/ViewerPreferences");
    if (!prefs.isDictionary()) prefs = QPDFObjectHandle::newDictionary();
    prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", prefs);
    size_t figures = 0;
    QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
    if (tree.isDictionary()) {
        wrap_in_document(pdf, tree);
        visit(tree.getKey("/K"), a.figure_alts, figures);
    }
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
        edit_catalog(pdf, a);
        mark_pages(pdf);
        QPDFWriter w(pdf);
        w.setOutputMemory();
        w.setStreamDataMode(qpdf_s_preserve);   // every stream as cairo (or mark_pages) compressed it
        w.write();
        auto buffer = w.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const QPDFExc& e) {
        throw DataError(std::string("the PDF could not be made accessible: ") + e.what());
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const DataError*>(&e)) throw;
        throw DataError(std::string("the PDF could not be made accessible: ") + e.what());
    }
}

} // namespace sespm
