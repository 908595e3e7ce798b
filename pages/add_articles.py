"""Add articles: placeholder until the importer page lands (another engineer writes this page)."""
import streamlit as st

st.title("Add articles · إضافة مقالات")
st.info("Add articles from the command line for now · أضف المقالات من سطر الأوامر حالياً:")
st.code(".venv/bin/python -m lib.ingest --add PATH...", language="bash")
