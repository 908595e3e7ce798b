"""Rasd: page config and navigation only; the pages live in pages/, their list in lib/dashboard/navigation.py."""
import streamlit as st

from lib.dashboard.navigation import enter

st.set_page_config(page_title="Rasd · رصد", layout="wide")
enter()
