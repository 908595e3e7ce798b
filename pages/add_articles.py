"""Add articles: upload files or paste an article, see its parse at once, then add it to the store."""
from datetime import date

import pandas as pd
import streamlit as st

from lib.corpus import importer
from lib.dashboard import preview
from lib.corpus.readers import SUPPORTED, Issue, RawArticle, make_article
from lib.dashboard.data import store_dir
from lib.dashboard.widgets import page_start

# Pasted Arabic is typed and read right to left (scoped to these widgets by their keys).
PASTE_CSS = """<style>
.st-key-paste_text textarea, .st-key-paste_title input { direction: rtl; text-align: right;
  font-family: "Noto Naskh Arabic", "Amiri", "DejaVu Sans", sans-serif; }
</style>"""
UPLOAD_TYPES = sorted({s.lstrip(".").split(".")[-1] for s in SUPPORTED} | {"tar.gz"})
PREVIEW_CHOICES = 500  # records offered in the preview picker


def show_parse(raw: RawArticle) -> None:
    """The parse of one record: header, body with statements marked, statements and places."""
    result = importer.analyse_raw(raw)
    if isinstance(result, Issue):
        st.warning(f"{result.name}: {result.message}")
        return
    st.html(preview.header_html(result))
    left, right = st.columns([3, 2])
    with left:
        st.html(preview.body_html(result))
    with right:
        st.metric("Statements · تصريحات", len(result.statements))
        if result.statements:
            st.dataframe(pd.DataFrame(preview.statement_rows(result)), hide_index=True, width="stretch")
        st.markdown("**Places · أماكن**")
        st.html(preview.places_html(result))


def show_issues(issues: list[Issue]) -> None:
    """Errors and warnings, one line each, naming the file and the problem."""
    errors = [i for i in issues if i.level == "error"]
    warnings = [i for i in issues if i.level == "warning"]
    if errors:
        with st.expander(f"⛔ {len(errors)} not imported · لم تُستورد", expanded=len(errors) <= 5):
            st.code("\n".join(str(i) for i in errors), language=None, wrap_lines=True)
    if warnings:
        with st.expander(f"⚠️ {len(warnings)} warnings · تنبيهات"):
            st.code("\n".join(str(i) for i in warnings), language=None, wrap_lines=True)


def add(items: list, total: int, key: str) -> None:
    """Add the records to the store with a progress bar and show the summary (the other pages see the new batch:
    the loader's cache is keyed by the store's manifests)."""
    bar = st.progress(0.0, text="Adding · جارٍ الإضافة…")
    step = max(1, total // 100)

    def progress(done: int, _total, name: str) -> None:
        if done % step == 0 or done == total:
            bar.progress(min(1.0, done / max(total, 1)), text=f"{done}/{total} · {name}")

    report = importer.import_items(items, store_dir(), progress, total=total)
    bar.progress(1.0, text="Done · تم")
    head = report.summary().split("\n")[0]
    (st.error if report.failed and not report.added else st.success)(head)
    show_issues([Issue(n, m) for n, m in report.failed] + [Issue(n, m, "warning") for n, m in report.warnings])
    st.session_state[f"{key}_added"] = report.added


page_start()
st.html(PASTE_CSS)
st.title("Add articles · إضافة مقالات")
st.caption("Arabic news only. Files: " + ", ".join(SUPPORTED) + f" (at most {importer.MAX_UPLOAD_BYTES // 2**20} MB "
           "each). An article already stored is skipped. · مقالات عربية فقط؛ المقال المخزَّن سابقاً لا يُكرَّر.")
upload_tab, paste_tab = st.tabs(["Upload files · رفع ملفات", "Paste an article · لصق مقال"])

with upload_tab:
    files = st.file_uploader("Article files or archives · ملفات أو أرشيفات", type=UPLOAD_TYPES,
                             accept_multiple_files=True, key="upload_files")
    with st.expander("JSON / CSV field names · أسماء الحقول"):
        st.caption("Leave empty to find them by name (content/text/body, title, date/published/date_extracted, "
                   "url, source).")
        cols = st.columns(5)
        mapping = {role: cols[n].text_input(role, key=f"map_{role}").strip()
                   for n, role in enumerate(("text", "title", "published", "url", "source"))}
        mapping = {k: v for k, v in mapping.items() if v}
    if files:
        # Read once per set of uploads and mapping, not on every rerun (a corpus archive takes seconds).
        upload_key = (tuple((f.file_id, f.name, f.size) for f in files), tuple(sorted(mapping.items())))
        if st.session_state.get("_upload_key") != upload_key:
            st.session_state["_upload_items"] = importer.read_uploads([(f.name, f.getvalue()) for f in files],
                                                                      mapping)
            st.session_state["_upload_key"] = upload_key
        items = st.session_state["_upload_items"]
        records = [i for i in items if isinstance(i, RawArticle)]
        issues = [i for i in items if isinstance(i, Issue)]
        st.metric("Articles found · مقالات", len(records))
        show_issues(issues)
        if records:
            pick = st.selectbox("Preview · معاينة", range(min(len(records), PREVIEW_CHOICES)),
                                format_func=lambda n: records[n].meta.get("title") or records[n].name,
                                key="upload_pick")
            show_parse(records[pick])
            if st.button(f"Add {len(records)} article(s) to the store · أضف إلى المخزن", type="primary",
                         key="upload_add"):
                add(records, len(records), "upload")

with paste_tab:
    text = st.text_area("Article text · نص المقال", height=260, key="paste_text")
    c1, c2, c3, c4 = st.columns([3, 1, 1, 2])
    title = c1.text_input("Title · العنوان", key="paste_title")
    published = c2.date_input("Published · تاريخ النشر", value=None, max_value=date.today(), key="paste_date")
    source = c3.text_input("Source · المصدر", key="paste_source")
    url = c4.text_input("URL · الرابط", key="paste_url")
    if text.strip():
        meta = {k: v.strip() for k, v in (("title", title), ("source", source), ("url", url)) if v.strip()}
        name = f"pasted: {title.strip() or ' '.join(text.split()[:6])}"[:120]
        made = list(make_article(text, meta, name, date=published.isoformat() if published else None))
        raw = next((m for m in made if isinstance(m, RawArticle)), None)
        show_issues([m for m in made if isinstance(m, Issue)])
        if published is None:
            st.info("No date: relative dates (أمس، الأسبوع الماضي) cannot be resolved · بلا تاريخ نشر")
        if raw is not None:
            show_parse(raw)
            if st.button("Add to the store · أضف إلى المخزن", type="primary", key="paste_add"):
                add([raw], 1, "paste")
