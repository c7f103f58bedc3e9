//! `socket.sendfile()`: `sendfile(2)` where it applies, a read-and-send loop otherwise.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

use super::Socket;
use crate::error::invalid_input;
use crate::kinds::Type;
use crate::mode::Mode;
use crate::wait::{Deadline, Interest};

/// Where a transfer of `count` bytes (to the end of the file when `None`) from `offset` of
/// `file` stops: never past the file's current end, never before `offset`. Shared by every
/// file-to-socket path (`sendfile`, AF_ALG's splice).
///
/// ```
/// use std::io::Write;
/// let path = std::env::temp_dir().join(format!("sock-doc-range-{}", std::process::id()));
/// std::fs::File::create(&path)?.write_all(&[0u8; 100])?;
/// let file = std::fs::File::open(&path)?;
/// assert_eq!(sock::file_range_end(&file, 10, Some(50))?, 60);
/// assert_eq!(sock::file_range_end(&file, 10, None)?, 100); // to the end
/// assert_eq!(sock::file_range_end(&file, 90, Some(50))?, 100); // never past it
/// assert_eq!(sock::file_range_end(&file, 200, None)?, 200); // never before the offset
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn file_range_end(file: &File, offset: u64, count: Option<u64>) -> io::Result<u64> {
    let size = file.metadata()?.len();
    Ok(match count {
        Some(c) => offset.saturating_add(c).min(size.max(offset)),
        None => size.max(offset),
    })
}

/// Bytes per `sendfile(2)` call; CPython sends at most this much at a time too (8 MiB caps
/// the time one call holds the deadline back).
const CHUNK: usize = 8 << 20;

impl Socket {
    /// `socket.sendfile(file, offset, count)`: sends `count` bytes of `file` (to its end when
    /// `None`) starting at `offset`, and returns how many were sent. On return the file
    /// position is `offset` plus that number, as in CPython.
    ///
    /// It uses `sendfile(2)` (no copy through user space); if the kernel refuses it for this
    /// pair of fds on the first call (`EINVAL`, `ENOSYS`, `EOPNOTSUPP`), it falls back to
    /// reading and sending. In timeout mode one deadline covers the whole transfer.
    ///
    /// Refused before anything is sent, as in CPython, with `InvalidInput`: a socket that is
    /// not `SOCK_STREAM` (CPython tests `type & SOCK_STREAM`, which by accident lets
    /// `SOCK_SEQPACKET` and `SOCK_RAW` through; here only streams pass), `count == Some(0)`,
    /// and a non-blocking socket.
    ///
    /// ```
    /// use sock::{Socket, Family, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let file = std::fs::File::open("/proc/self/exe")?;
    /// let err = a.sendfile(&file, 0, None).unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn sendfile(&self, file: &File, offset: u64, count: Option<u64>) -> io::Result<u64> {
        if self.ty() != Type::STREAM {
            return Err(invalid_input("sendfile", "only SOCK_STREAM type sockets are supported"));
        }
        if count == Some(0) {
            return Err(invalid_input("count", "must be a positive integer (got 0)"));
        }
        if self.mode() == Mode::NonBlocking {
            return Err(invalid_input("sendfile", "non-blocking sockets are not supported"));
        }
        let end = file_range_end(file, offset, count)?;
        let mut sent = 0u64;
        match self.sendfile_zero_copy(file, offset, end, &mut sent) {
            Ok(()) => {
                (&*file).seek(SeekFrom::Start(offset + sent))?;
                return Ok(sent);
            }
            Err(e) if sent == 0 && matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)) => {
            }
            Err(e) => {
                (&*file).seek(SeekFrom::Start(offset + sent))?;
                return Err(e);
            }
        }
        let result = self.sendfile_copy(file, offset, count, &mut sent);
        (&*file).seek(SeekFrom::Start(offset + sent))?;
        result.map(|()| sent)
    }

    fn sendfile_zero_copy(&self, file: &File, offset: u64, end: u64, sent: &mut u64) -> io::Result<()> {
        let mut deadline = Deadline::new();
        let mut pos = i64::try_from(offset).map_err(|_| invalid_input("offset", "too large"))?;
        while (pos as u64) < end {
            let want = usize::try_from(end - pos as u64).unwrap_or(CHUNK).min(CHUNK);
            let n = self.call_with_deadline("sendfile", Interest::Write, &mut deadline, || {
                nix::sys::sendfile::sendfile64(self.as_fd(), file, Some(&mut pos), want).map_err(io::Error::from)
            })?;
            if n == 0 {
                break; // the file shrank
            }
            *sent += n as u64;
        }
        Ok(())
    }

    fn sendfile_copy(&self, file: &File, offset: u64, count: Option<u64>, sent: &mut u64) -> io::Result<()> {
        let mut reader = file;
        reader.seek(SeekFrom::Start(offset + *sent))?;
        let mut left = count.map(|c| c.saturating_sub(*sent));
        let mut buf = vec![0u8; 64 * 1024];
        let mut deadline = Deadline::new();
        loop {
            let want = match left {
                Some(0) => break,
                Some(l) => buf.len().min(usize::try_from(l).unwrap_or(usize::MAX)),
                None => buf.len(),
            };
            let n = reader.read(&mut buf[..want])?;
            if n == 0 {
                break;
            }
            let mut chunk = &buf[..n];
            while !chunk.is_empty() {
                let m = self.call_with_deadline("sendfile", Interest::Write, &mut deadline, || {
                    crate::sys::send(self.as_fd(), chunk, 0)
                })?;
                chunk = &chunk[m..];
                *sent += m as u64;
            }
            if let Some(l) = left.as_mut() {
                *l -= n as u64;
            }
        }
        Ok(())
    }
}
