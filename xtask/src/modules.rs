//! The kernel's module index (`modules.dep`, `modules.builtin`), read on the host.
//!
//! Used to pick the few modules the initramfs must hold to reach the host root over 9p
//! (virtio-pci, 9p and their dependencies) in load order, and to check before booting that
//! every module the guest is asked to load exists in this kernel.

use crate::cmd::Result;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The module index of one kernel.
#[derive(Debug, Default)]
pub struct ModuleIndex {
    /// Module name (normalised, see [`norm`]) -> (path relative to the modules dir, deps).
    deps: BTreeMap<String, (String, Vec<String>)>,
    /// Names of modules built into the kernel image.
    builtin: BTreeSet<String>,
}

/// Normalises a module name or path the way kmod does: the file stem without `.ko*`, with
/// `-` and `_` equivalent (`kernel/net/can/can-raw.ko.xz` -> `can_raw`).
pub fn norm(name_or_path: &str) -> String {
    let file = name_or_path.rsplit('/').next().unwrap_or(name_or_path);
    let stem = file.find(".ko").map_or(file, |i| &file[..i]);
    stem.replace('-', "_")
}

impl ModuleIndex {
    /// Reads `modules.dep` and `modules.builtin` from `dir` (`.../lib/modules/<kver>`).
    pub fn load(dir: &Path) -> Result<ModuleIndex> {
        let read = |f: &str| {
            std::fs::read_to_string(dir.join(f)).map_err(|e| format!("cannot read {}: {e}", dir.join(f).display()))
        };
        Ok(ModuleIndex::parse(&read("modules.dep")?, &read("modules.builtin").unwrap_or_default()))
    }

    /// Parses the text of `modules.dep` and `modules.builtin`.
    pub fn parse(dep: &str, builtin: &str) -> ModuleIndex {
        let mut idx = ModuleIndex::default();
        for line in dep.lines() {
            let Some((path, rest)) = line.split_once(':') else { continue };
            let deps = rest.split_whitespace().map(norm).collect();
            idx.deps.insert(norm(path), (path.trim().to_string(), deps));
        }
        idx.builtin = builtin.lines().filter(|l| !l.trim().is_empty()).map(norm).collect();
        idx
    }

    /// Whether `name` is available: a loadable module or built in.
    pub fn has(&self, name: &str) -> bool {
        let n = norm(name);
        self.deps.contains_key(&n) || self.builtin.contains(&n)
    }

    /// Whether `name` is built into the kernel image (nothing to load).
    pub fn is_builtin(&self, name: &str) -> bool {
        self.builtin.contains(&norm(name))
    }

    /// The module files (relative paths) needed to load `names`, dependencies first.
    /// Built-in modules need no file; an unknown module is an error.
    pub fn load_order(&self, names: &[&str]) -> Result<Vec<String>> {
        let mut order = Vec::new();
        let mut seen = BTreeSet::new();
        for name in names {
            self.visit(&norm(name), &mut seen, &mut order, 0)?;
        }
        Ok(order)
    }

    fn visit(&self, name: &str, seen: &mut BTreeSet<String>, order: &mut Vec<String>, depth: usize) -> Result<()> {
        if !seen.insert(name.to_string()) {
            return Ok(());
        }
        let Some((path, deps)) = self.deps.get(name) else {
            return if self.builtin.contains(name) { Ok(()) } else { Err(format!("kernel module `{name}` not found")) };
        };
        if depth > 64 {
            return Err(format!("module dependency loop at `{name}`"));
        }
        for d in deps {
            self.visit(d, seen, order, depth + 1)?;
        }
        order.push(path.clone());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEP: &str = "\
kernel/fs/9p/9p.ko.xz: kernel/net/9p/9pnet.ko.xz kernel/fs/netfs/netfs.ko.xz
kernel/net/9p/9pnet.ko.xz:
kernel/fs/netfs/netfs.ko.xz:
kernel/net/9p/9pnet_virtio.ko.xz: kernel/net/9p/9pnet.ko.xz
kernel/net/can/can-raw.ko: kernel/net/can/can.ko
kernel/net/can/can.ko:
";

    #[test]
    fn names_are_normalised() {
        assert_eq!(norm("kernel/net/can/can-raw.ko.xz"), "can_raw");
        assert_eq!(norm("can-raw"), "can_raw");
        assert_eq!(norm("9pnet_virtio.ko"), "9pnet_virtio");
    }

    #[test]
    fn closure_in_load_order() {
        let idx = ModuleIndex::parse(DEP, "kernel/drivers/virtio/virtio_pci.ko\n");
        let order = idx.load_order(&["virtio_pci", "9pnet_virtio", "9p"]).unwrap();
        assert_eq!(
            order,
            vec![
                "kernel/net/9p/9pnet.ko.xz",
                "kernel/net/9p/9pnet_virtio.ko.xz",
                "kernel/fs/netfs/netfs.ko.xz",
                "kernel/fs/9p/9p.ko.xz"
            ]
        );
        assert!(idx.has("can-raw") && idx.has("virtio_pci") && !idx.has("tipc"));
        assert!(idx.load_order(&["tipc"]).unwrap_err().contains("tipc"));
    }
}
