//! Interface names and indexes: [`if_nameindex`], [`if_nametoindex`], [`if_indextoname`].

use std::ffi::CStr;
use std::io;

use sock_core::invalid_input;

use crate::sys::c_string;

/// `socket.if_nameindex()`: every network interface as `(index, name)`, in the kernel's order.
///
/// ```
/// let all = sock_resolve::if_nameindex()?;
/// assert!(all.iter().any(|(_, name)| name == "lo"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn if_nameindex() -> io::Result<Vec<(u32, String)>> {
    // SAFETY: if_nameindex takes no arguments; it returns NULL (errno set) or an array that we
    // free with if_freenameindex below.
    let list = unsafe { libc::if_nameindex() };
    if list.is_null() {
        return Err(io::Error::last_os_error());
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
/// An unknown name is `NotFound` ("no interface with this name", as CPython); a NUL in the
/// name is `InvalidInput`.
pub fn if_nametoindex(name: &str) -> io::Result<u32> {
    let c = c_string("name", name)?;
    // SAFETY: `c` is a NUL-terminated string; if_nametoindex only reads it.
    let index = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if index == 0 {
        return Err(io::Error::new(io::ErrorKind::NotFound, "no interface with this name"));
    }
    Ok(index)
}

/// `socket.if_indextoname(index)`: the name of an interface. An unknown index (0 included) is
/// the OS error `ENXIO`, as in CPython.
pub fn if_indextoname(index: u32) -> io::Result<String> {
    let mut buf = [0u8; libc::IF_NAMESIZE];
    // SAFETY: `buf` has IF_NAMESIZE bytes, the size if_indextoname writes at most.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr().cast()) };
    if p.is_null() {
        return Err(io::Error::last_os_error());
    }
    let end = buf.iter().position(|&b| b == 0).ok_or_else(|| invalid_input("index", "interface name too long"))?;
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_both_ways() {
        let lo = if_nametoindex("lo").unwrap();
        assert_eq!(if_indextoname(lo).unwrap(), "lo");
        assert!(if_nameindex().unwrap().contains(&(lo, "lo".to_string())));
        assert_eq!(if_nametoindex("nosuchif0").unwrap_err().kind(), io::ErrorKind::NotFound);
        let nul = if_nametoindex("lo\0x").unwrap_err();
        assert_eq!(
            (nul.kind(), nul.to_string()),
            (io::ErrorKind::InvalidInput, "name: embedded null character".into())
        );
        assert_eq!(if_indextoname(0).unwrap_err().raw_os_error(), Some(libc::ENXIO));
    }
}
