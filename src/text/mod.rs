//! Text rules shared by every part of qarin: how Arabic is folded for matching (search,
//! bookmark filters, claims), and how untrusted text is made safe to print.

pub mod fold;
pub mod lang;
pub mod safe;
