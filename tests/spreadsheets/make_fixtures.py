#!/usr/bin/env python3
# tests/spreadsheets/make_fixtures.py: writes the hand-made workbooks test_spreadsheets.cpp reads
# (run it here to remake them; the files are committed). An .xlsx is a zip of a few XML parts and
# an .ods a zip of content.xml; both written from scratch with the standard library, so the
# fixtures hold exactly the rows below (a title row, blank rows, a bad cell) and nothing else.
import zipfile, sys
from xml.sax.saxutils import escape
def col(i):
    s=""
    i+=1
    while i: i,r=divmod(i-1,26); s=chr(65+r)+s
    return s
def sheet_xml(rows):
    out=['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r,row in rows:
        out.append(f'<row r="{r}">')
        for c,v in enumerate(row):
            if v is None: continue
            ref=f"{col(c)}{r}"
            if isinstance(v,(int,float)): out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else: out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return "".join(out)
def xlsx(path, sheets):
    z=zipfile.ZipFile(path,'w',zipfile.ZIP_DEFLATED)
    ct='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    for i,_ in enumerate(sheets): ct+=f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    ct+='</Types>'
    z.writestr('[Content_Types].xml',ct)
    z.writestr('_rels/.rels','<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    rel='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i,(name,rows) in enumerate(sheets):
        wb+=f'<sheet name="{escape(name)}" sheetId="{i+1}" r:id="rId{i+1}"/>'
        rel+=f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>'
        z.writestr(f'xl/worksheets/sheet{i+1}.xml',sheet_xml(rows))
    wb+='</sheets></workbook>'; rel+='</Relationships>'
    z.writestr('xl/workbook.xml',wb); z.writestr('xl/_rels/workbook.xml.rels',rel)
    z.close()
# --- the fixtures (test_spreadsheets.cpp) ---
providers=[(1,["ESOL providers, Kent and Medway (May 2026)"]),(3,["Name","Postcode","Latitude","Longitude"]),
  (4,["Canterbury College",None,51.2795,1.0870]),(5,["Maidstone Adult Ed",None,51.2720,0.5230]),(6,["Bad row",None,"unknown",0.5]),(8,["Gravesend Centre",None,51.4410,0.3700])]
def ods(path, sheets):
    z=zipfile.ZipFile(path,'w')
    z.writestr(zipfile.ZipInfo('mimetype'),'application/vnd.oasis.opendocument.spreadsheet')
    z.writestr('META-INF/manifest.xml','<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    c=['<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>']
    for name,rows in sheets:
        c.append(f'<table:table table:name="{escape(name)}">')
        last=0
        for r,row in rows:
            if r-last>1: c.append(f'<table:table-row table:number-rows-repeated="{r-last-1}"><table:table-cell/></table:table-row>')
            c.append('<table:table-row>')
            for v in row:
                if v is None: c.append('<table:table-cell/>')
                elif isinstance(v,(int,float)): c.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
                else: c.append(f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>')
            c.append('</table:table-row>')
            last=r
        c.append('</table:table>')
    c.append('</office:spreadsheet></office:body></office:document-content>')
    z.writestr('content.xml',"".join(c))
    z.close()
notes=("Notes",[(1,["These are the providers we fund."])])
xlsx('providers.xlsx',[notes,("Providers",providers)])
ods('providers.ods',[notes,("Providers",providers)])
kent=[(1,["name","easting","northing"]),(2,["Canterbury",614700,157800])]
sussex=[(2,["Name","Postcode","lat","lon"]),(3,["Brighton",None,50.8225,-0.1372]),(4,["Hastings",None,50.8543,0.5735])]
xlsx('two_sheets.xlsx',[("Kent",kent),("Sussex",sussex)])
xlsx('no_coordinates.xlsx',[("Providers",[(1,["Name","Town"]),(2,["Canterbury College","Canterbury"])])])
xlsx('beyond_header.xlsx',[("Providers",[(1,["Name","lat","lon"]),(2,["A",51.2795,1.087,"stray note"])])])
open('not_a_workbook.xlsx','w').write("name,lat,lon\nA,51.2,1.0\n")
