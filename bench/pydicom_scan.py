"""Peer for `make bench`: pydicom reading the header (stop_before_pixels) of every file below a folder."""
import os
import sys

import pydicom


def main(root: str) -> None:
    read = 0
    for dirpath, _, files in os.walk(root):
        for name in files:
            try:
                pydicom.dcmread(os.path.join(dirpath, name), stop_before_pixels=True)
                read += 1
            except Exception:
                pass
    print(read)


if __name__ == "__main__":
    main(sys.argv[1])
