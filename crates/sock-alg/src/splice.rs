//! Zero-copy input: file pages move into an operation socket through a pipe with `splice(2)`,
//! so the data never passes through user space.

use std::fs::File;
use std::io;
use std::os::fd::OwnedFd;

use nix::fcntl::{fcntl, splice, FcntlArg, OFlag, SpliceFFlags};
use sock_core::invalid_input;
use sock_core::wait::Interest;
use sock_core::Socket;

/// The pipe size asked for: 1 MiB is the most an unprivileged process may set by default
/// (`/proc/sys/fs/pipe-max-size`); the kernel's 64 KiB default is kept if the request fails.
const PIPE_SIZE: i32 = 1 << 20;

/// A pipe that carries file pages into a socket.
#[derive(Debug)]
pub(crate) struct Splicer {
    read: OwnedFd,
    write: OwnedFd,
    capacity: usize,
}

fn retry<T>(mut f: impl FnMut() -> nix::Result<T>) -> io::Result<T> {
    loop {
        match f() {
            Err(nix::errno::Errno::EINTR) => continue,
            other => return other.map_err(io::Error::from),
        }
    }
}

impl Splicer {
    /// A close-on-exec pipe, enlarged to 1 MiB when the system allows it.
    pub(crate) fn new() -> io::Result<Splicer> {
        let (read, write) = nix::unistd::pipe2(OFlag::O_CLOEXEC)?;
        let _ = fcntl(&write, FcntlArg::F_SETPIPE_SZ(PIPE_SIZE));
        let capacity = fcntl(&write, FcntlArg::F_GETPIPE_SZ).map_or(64 * 1024, |n| n.max(4096) as usize);
        Ok(Splicer { read, write, capacity })
    }

    /// How many bytes one [`Splicer::feed`] moves at most.
    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }

    /// Moves up to `len` bytes of `file`, starting at `*offset` (advanced), into `sock`, with
    /// `MSG_MORE` when `more` (always on all but the last page). Returns how many bytes moved;
    /// 0 at the end of the file.
    pub(crate) fn feed(
        &self,
        file: &File,
        offset: &mut i64,
        len: usize,
        sock: &Socket,
        more: bool,
    ) -> io::Result<usize> {
        let want = len.min(self.capacity);
        if want == 0 {
            return Ok(0);
        }
        let filled = retry(|| splice(file, Some(offset), &self.write, None, want, SpliceFFlags::SPLICE_F_MOVE))?;
        let mut flags = SpliceFFlags::SPLICE_F_MOVE;
        if more {
            flags |= SpliceFFlags::SPLICE_F_MORE;
        }
        let mut left = filled;
        while left > 0 {
            let n = sock.call("splice", Interest::Write, || {
                splice(&self.read, None, sock.as_fd(), None, left, flags).map_err(io::Error::from)
            })?;
            if n == 0 {
                return Err(io::Error::new(io::ErrorKind::WriteZero, "the socket took no bytes from the pipe"));
            }
            left -= n;
        }
        Ok(filled)
    }
}

/// The byte range `[offset, offset + count)` of `file` clamped to its size, as `i64` offsets.
pub(crate) fn file_range(file: &File, offset: u64, count: Option<u64>) -> io::Result<(i64, i64)> {
    let end = sock_core::file_range_end(file, offset, count)?;
    let start = i64::try_from(offset).map_err(|_| invalid_input("offset", "too large"))?;
    let end = i64::try_from(end).map_err(|_| invalid_input("count", "too large"))?;
    Ok((start, end))
}
