//! Reading CSV files safely: regular files only, hashing, encoding, delimiter, bounded records.
