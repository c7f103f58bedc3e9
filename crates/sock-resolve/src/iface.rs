//! Interface names and indexes: [`if_nameindex`], [`if_nametoindex`], [`if_indextoname`].

use std::ffi::CStr;
use std::io;

use sock_core::{context, invalid_input, ErrorContext};

use crate::sys::c_string;

/// `socket.if_nameindex()`: every network interface as `(index, name)`, in the kernel's order.
///
/// ```
/// let all = sock::if_nameindex()?;
/// assert!(all.iter().any(|(_, name)| name == "lo"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn if_nameindex() -> io::Result<Vec<(u32, String)>> {
    // SAFETY: if_nameindex takes no arguments; it returns NULL (errno set) or an array that we
    // free with if_freenameindex below.
    let list = unsafe { libc::if_nameindex() };
    if list.is_null() {
        return Err(context(io::Error::last_os_error(), "if_nameindex", ""));
    }
    let mut out = Vec::new();
    let mut cur = list.cast_const();
    loop {
        // SAFETY: `cur` is inside the array, which ends with an entry of index 0 / NULL name;
        // we stop there.
        let entry = unsafe { &*cur };
        if entry.if_index == 0 || entry.if_name.is_null() {
            break;
        }
        // SAFETY: a non-null `if_name` is a NUL-terminated string inside the array.
        let name = unsafe { CStr::from_ptr(entry.if_name) }.to_string_lossy().into_owned();
        out.push((entry.if_index, name));
        // SAFETY: the current entry was not the terminator, so the next one exists.
        cur = unsafe { cur.add(1) };
    }
    // SAFETY: `list` came from if_nameindex and is freed exactly once.
    unsafe { libc::if_freenameindex(list) };
    Ok(out)
}

/// `socket.if_nametoindex(name)`: the index of an interface.
///
/// An unknown name is `NotFound` (CPython's `OSError`) with the message `if_nametoindex eth9:
/// no such interface (ENODEV)` ([`sock::errno`](sock_core::errno) reads `ENODEV`); a NUL in
/// the name is `InvalidInput` naming `name`.
///
/// ```
/// let lo = sock::if_nametoindex("lo")?;
/// assert_eq!(sock::if_indextoname(lo)?, "lo");
/// let err = sock::if_nametoindex("nosuchif0").unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
/// assert_eq!(err.to_string(), "if_nametoindex nosuchif0: no such interface (ENODEV)");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn if_nametoindex(name: &str) -> io::Result<u32> {
    let c = c_string("name", name)?;
    // SAFETY: `c` is a NUL-terminated string; if_nametoindex only reads it.
    let index = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if index == 0 {
        return Err(no_such_interface("if_nametoindex", name, io::ErrorKind::NotFound, libc::ENODEV));
    }
    Ok(index)
}

/// `socket.if_indextoname(index)`: the name of an interface. An unknown index (0 included) is
/// the OS error `ENXIO`, as in CPython, with the message `if_indextoname #99: no such
/// interface (ENXIO)` (`#99` is how `sock` writes an interface by index).
///
/// ```
/// let err = sock::if_indextoname(0).unwrap_err();
/// assert_eq!(sock::errno(&err), Some(libc::ENXIO));
/// assert_eq!(err.to_string(), "if_indextoname #0: no such interface (ENXIO)");
/// ```
pub fn if_indextoname(index: u32) -> io::Result<String> {
    let mut buf = [0u8; libc::IF_NAMESIZE];
    // SAFETY: `buf` has IF_NAMESIZE bytes, the size if_indextoname writes at most.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr().cast()) };
    if p.is_null() {
        let err = io::Error::last_os_error();
        return Err(match err.raw_os_error() {
            Some(code @ libc::ENXIO) => no_such_interface("if_indextoname", format_args!("#{index}"), err.kind(), code),
            _ => context(err, "if_indextoname", format_args!("#{index}")),
        });
    }
    let end = buf.iter().position(|&b| b == 0).ok_or_else(|| invalid_input("index", "interface name too long"))?;
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// `{op} {interface}: no such interface (ENODEV)`, of `kind`, with the errno `code`.
#[cold]
fn no_such_interface(op: &'static str, interface: impl std::fmt::Display, kind: io::ErrorKind, code: i32) -> io::Error {
    let ctx = ErrorContext::new(io::Error::from_raw_os_error(code), interface).operation(op).text("no such interface");
    io::Error::new(kind, ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_both_ways() {
        let lo = if_nametoindex("lo").unwrap();
        assert_eq!(if_indextoname(lo).unwrap(), "lo");
        assert!(if_nameindex().unwrap().contains(&(lo, "lo".to_string())));
        let missing = if_nametoindex("nosuchif0").unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        assert_eq!(sock_core::errno(&missing), Some(libc::ENODEV));
        assert_eq!(missing.to_string(), "if_nametoindex nosuchif0: no such interface (ENODEV)");
        let nul = if_nametoindex("lo\0x").unwrap_err();
        assert_eq!(
            (nul.kind(), nul.to_string()),
            (io::ErrorKind::InvalidInput, "name: embedded null character".into())
        );
        let zero = if_indextoname(0).unwrap_err();
        assert_eq!(sock_core::errno(&zero), Some(libc::ENXIO));
        assert_eq!(zero.to_string(), "if_indextoname #0: no such interface (ENXIO)");
    }
}
