//! A writer for the `newc` cpio format, the format the kernel unpacks as an initramfs.
//!
//! Each entry is a 110-byte ASCII header (`070701` then 13 fields of 8 hex digits), the name
//! with its NUL, padding to 4 bytes, the data, padding to 4 bytes; the archive ends with the
//! entry `TRAILER!!!`. The kernel accepts it uncompressed, so no compressor is needed.

/// An in-memory newc archive. Every entry is owned by root.
#[derive(Default)]
pub struct Cpio {
    buf: Vec<u8>,
    next_ino: u32,
}

const S_IFDIR: u32 = 0o040000;
const S_IFREG: u32 = 0o100000;
const S_IFLNK: u32 = 0o120000;

impl Cpio {
    /// An empty archive.
    pub fn new() -> Cpio {
        Cpio { buf: Vec::new(), next_ino: 1 }
    }

    /// Adds a directory (parents are not implied: add them first).
    pub fn dir(&mut self, path: &str) {
        self.entry(path, S_IFDIR | 0o755, b"");
    }

    /// Adds a regular file with permission bits `perm`.
    pub fn file(&mut self, path: &str, perm: u32, data: &[u8]) {
        self.entry(path, S_IFREG | (perm & 0o7777), data);
    }

    /// Adds a symbolic link `path` -> `target`.
    pub fn symlink(&mut self, path: &str, target: &str) {
        self.entry(path, S_IFLNK | 0o777, target.as_bytes());
    }

    /// Ends the archive and returns its bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.header("TRAILER!!!", 0, 0, 0);
        self.buf
    }

    fn entry(&mut self, path: &str, mode: u32, data: &[u8]) {
        let ino = self.next_ino;
        self.next_ino += 1;
        let path = path.trim_start_matches('/');
        self.header(path, ino, mode, data.len());
        self.buf.extend_from_slice(data);
        self.pad();
    }

    fn header(&mut self, name: &str, ino: u32, mode: u32, size: usize) {
        let nlink = if mode & S_IFDIR == S_IFDIR { 2 } else { 1 };
        let fields = [ino, mode, 0, 0, nlink, 0, size as u32, 0, 0, 0, 0, name.len() as u32 + 1, 0];
        self.buf.extend_from_slice(b"070701");
        for f in fields {
            self.buf.extend_from_slice(format!("{f:08X}").as_bytes());
        }
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(0);
        self.pad();
    }

    fn pad(&mut self) {
        while self.buf.len() % 4 != 0 {
            self.buf.push(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cpio;

    #[test]
    fn layout_matches_newc() {
        let mut c = Cpio::new();
        c.dir("/bin");
        c.file("/bin/x", 0o755, b"hello");
        c.symlink("/sh", "bin/x");
        let out = c.finish();
        assert_eq!(&out[..6], b"070701");
        assert_eq!(out.len() % 4, 0);
        // First header: name "bin" (4 bytes with NUL) right after the 110-byte header.
        assert_eq!(&out[110..114], b"bin\0");
        // mode field of the first entry (second field) is a directory 0755.
        assert_eq!(&out[14..22], b"000041ED");
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("bin/x\0"));
        assert!(text.contains("hello"));
        assert!(text.ends_with("TRAILER!!!\0\0\0\0") || text.contains("TRAILER!!!\0"));
    }

    #[test]
    fn data_is_aligned() {
        let mut c = Cpio::new();
        c.file("a", 0o644, b"123");
        let out = c.finish();
        // header 110 + "a\0" = 112 (aligned), data 3 -> padded to 4.
        assert_eq!(&out[112..116], b"123\0");
        assert_eq!(&out[116..122], b"070701");
    }
}
