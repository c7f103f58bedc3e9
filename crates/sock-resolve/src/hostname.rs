//! This machine's name: [`gethostname`], [`sethostname`].

use std::io;

use sock_core::{context, cvt};

use crate::sys::c_string;

/// `socket.gethostname()`: the kernel's host name (`uname -n`).
///
/// ```
/// let name = sock::gethostname()?;
/// assert!(!name.is_empty());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gethostname() -> io::Result<String> {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is ours with its true length; gethostname writes at most that many bytes.
    cvt(unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) }).map_err(|e| context(e, "gethostname", ""))?;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// `socket.sethostname(name)`: sets the host name (needs `CAP_SYS_ADMIN` in the UTS
/// namespace; otherwise `EPERM`). A name over 64 bytes is the kernel's `EINVAL`; these OS
/// errors name the operation and the name (`sethostname web1: Operation not permitted
/// (EPERM)`; read the code with [`sock::errno`](sock_core::errno)). A NUL character in it is
/// `InvalidInput` "name: embedded null character", found before the call (the kernel would
/// keep the name up to the NUL).
///
/// ```
/// // Without CAP_SYS_ADMIN the kernel refuses; a NUL never reaches it.
/// let err = sock::sethostname("a\0b").unwrap_err();
/// assert_eq!(err.to_string(), "name: embedded null character");
/// ```
pub fn sethostname(name: &str) -> io::Result<()> {
    let c_name = c_string("name", name)?;
    let bytes = c_name.as_bytes();
    // SAFETY: the pointer and length describe `bytes` (the name without its terminating NUL),
    // which sethostname only reads.
    cvt(unsafe { libc::sethostname(bytes.as_ptr().cast(), bytes.len()) })
        .map(drop)
        .map_err(|e| context(e, "sethostname", name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The NUL check fires before the syscall: the error is `InvalidInput`, not `EPERM`, and
    /// the host name is unchanged (the kernel would have set "a"). Run on a thread of its own
    /// in a private UTS namespace, so that even a broken check cannot rename the machine;
    /// where no namespace can be made, only without root (then the call could change nothing).
    #[test]
    fn sethostname_refuses_nul_before_the_call() {
        std::thread::spawn(|| {
            // SAFETY: unshare only takes flags; CLONE_NEWUTS moves this thread alone (spawned
            // for this test, ending with it) into a new UTS namespace.
            let private = unsafe { libc::unshare(libc::CLONE_NEWUTS) } == 0;
            // SAFETY: geteuid has no preconditions.
            if !private && unsafe { libc::geteuid() } == 0 {
                println!("SOCK-SKIP: sethostname NUL check: root but no private UTS namespace");
                return;
            }
            let before = gethostname().unwrap();
            let err = sethostname("a\0b").unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
            assert_eq!(err.raw_os_error(), None);
            assert_eq!(err.to_string(), "name: embedded null character");
            assert_eq!(gethostname().unwrap(), before);
            if private {
                sethostname("sock-resolve-unit").unwrap();
                assert_eq!(gethostname().unwrap(), "sock-resolve-unit");
            }
        })
        .join()
        .unwrap();
    }
}
