"""My digits: the student's own drawings, kept, seen, relabelled and exported."""
