//! This machine's name: [`gethostname`], [`sethostname`].

use std::io;

use sock_core::cvt;

/// `socket.gethostname()`: the kernel's host name (`uname -n`).
pub fn gethostname() -> io::Result<String> {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is ours with its true length; gethostname writes at most that many bytes.
    cvt(unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) })?;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// `socket.sethostname(name)`: sets the host name (needs `CAP_SYS_ADMIN` in the UTS
/// namespace; otherwise `EPERM`). A name over 64 bytes is the kernel's `EINVAL`.
pub fn sethostname(name: &str) -> io::Result<()> {
    // SAFETY: the pointer and length describe `name`'s bytes, which sethostname only reads.
    cvt(unsafe { libc::sethostname(name.as_ptr().cast(), name.len()) }).map(drop)
}
