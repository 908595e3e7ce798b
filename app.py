"""Rasd: page config and navigation only; the pages live in pages/."""
import streamlit as st

st.set_page_config(page_title="Rasd رصد", page_icon="🛰️", layout="wide")
st.title("Rasd · رصد")
st.write("Dashboard pages are being built.")
