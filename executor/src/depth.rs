//! The logical stack limit: a job's call depth is counted by code added to the module,
//! so a stack overflow happens at the same instruction on every machine.
//!
//! Wasmtime's own limit (`max_wasm_stack`) counts bytes of native stack, and native frame
//! sizes depend on the architecture, the CPU features Cranelift uses and the wasmtime
//! version: two honest devices would overflow at different depths and disagree on
//! `fuel_used`. So, like Polkadot's PVF stack limiter, every function is rewritten to
//! add its *frame cost* (a property of the module alone) to a depth counter on entry, to
//! subtract it on every way out, and to stop the job with `STACK_OVERFLOW` when the
//! counter passes [`MAX_DEPTH`]. The native limit stays as a larger backstop whose
//! hitting is a local failure, never a result.
//!
//! A frame costs [`FRAME_BASE`] plus one unit per parameter, local and operand-stack
//! slot at the function's deepest point (measured by the validator of `wasmparser`,
//! the one wasmtime uses, so every operator is covered).
//!
//! The rewrite, per defined function `f` with frame cost `c`:
//!
//! ```text
//! depth += c; if depth > MAX_DEPTH { depin.stack_overflow() }
//! block (result f's results)   ;; every `return`, and every branch out of the body,
//!   <f's body>                 ;; now ends here
//! end
//! depth -= c
//! ```
//!
//! and `return_call*` subtracts `c` before the tail call replaces the frame. The counter
//! is a new mutable global; the overflow is a new function import in the reserved module
//! [`MODULE`], appended after the module's own imports (function indices above it shift
//! by one).

use super::state::{HostStop, JobState};
use wasm_encoder::{
	reencode::{self, Reencode},
	BlockType, CodeSection, ConstExpr, EntityType, Function, GlobalSection, GlobalType,
	ImportSection, Instruction, Module, SectionId, TypeSection, ValType,
};
use wasmparser::{
	FuncValidatorAllocations, FunctionBody, Operator, Parser, Payload, TypeRef, ValidPayload,
	Validator, WasmFeatures,
};

/// The import module reserved for the executor's own functions; a job may not import
/// from it.
pub const MODULE: &str = "depin";
/// The function the added code calls when the depth limit is passed.
pub const OVERFLOW: &str = "stack_overflow";
/// Largest total frame cost of the frames live at once.
pub const MAX_DEPTH: u32 = 65_536;
/// Cost of a frame beyond its values (return address, saved registers).
pub const FRAME_BASE: u32 = 4;
/// Most functions a job module may define: compiling many small functions costs time per
/// function (≈ 85 µs each measured), so this bounds a compile bomb of tiny functions.
pub const MAX_FUNCTIONS: u32 = 10_000;
/// Largest function body, in bytes: compile time and memory grow with a function's size
/// (≈ 1 s and 200 MiB per MiB of SIMD code measured), and functions compile one at a
/// time.
pub const MAX_FUNCTION_BYTES: usize = 1024 * 1024;
/// Most tables a job module may have (each costs the host an allocation, outside the
/// job's memory limit; their elements are limited together at run time).
pub const MAX_TABLES: u32 = 16;

/// What the rewrite needs to know about each defined function.
struct Frame {
	cost: u32,
	block: BlockType,
}

/// The module-wide facts the rewrite needs.
#[derive(Default)]
struct Analysis {
	imported_functions: u32,
	globals: u32,
	types: u32,
	/// Types `[] -> results` to append, for functions with several results.
	new_types: Vec<Vec<ValType>>,
	frames: Vec<Frame>,
}

/// Why a module cannot be instrumented (the same on every machine).
#[derive(Debug, thiserror::Error)]
pub enum Refused {
	/// The module imports from the reserved module.
	#[error("imports from the reserved module `{MODULE}`")]
	Reserved,
	/// The module is not valid WebAssembly.
	#[error("invalid module: {0}")]
	Invalid(String),
	/// The module exceeds a limit that bounds its compilation.
	#[error("too large to compile: {0}")]
	TooLarge(String),
}

impl From<wasmparser::BinaryReaderError> for Refused {
	fn from(e: wasmparser::BinaryReaderError) -> Self {
		Refused::Invalid(e.to_string())
	}
}

/// `code` with the logical stack limit added.
pub fn instrument(code: &[u8]) -> Result<Vec<u8>, Refused> {
	let analysis = analyse(code)?;
	let mut rewrite = Rewrite { analysis, ..Rewrite::default() };
	let mut module = Module::new();
	rewrite
		.parse_core_module(&mut module, Parser::new(0), code)
		.map_err(|e| Refused::Invalid(e.to_string()))?;
	Ok(module.finish())
}

/// The frame cost of a function with `values` parameters, locals and operand slots.
fn frame_cost(values: u64) -> u32 {
	// A frame dearer than the whole limit overflows on entry; capping keeps the counter
	// far from wrapping.
	(values + FRAME_BASE as u64).min(MAX_DEPTH as u64 + 1) as u32
}

/// Validates `code` and measures every defined function's frame.
fn analyse(code: &[u8]) -> Result<Analysis, Refused> {
	let mut a = Analysis::default();
	let mut func_types = Vec::new();
	let mut validator = Validator::new_with_features(WasmFeatures::all());
	let mut allocs = FuncValidatorAllocations::default();
	let mut tables = 0u32;
	for payload in Parser::new(0).parse_all(code) {
		let payload = payload?;
		match &payload {
			Payload::TypeSection(s) => {
				for ty in s.clone().into_iter_err_on_gc_types() {
					func_types.push(ty?);
				}
			}
			Payload::ImportSection(s) => {
				for import in s.clone() {
					let import = import?;
					if import.module == MODULE {
						return Err(Refused::Reserved);
					}
					match import.ty {
						TypeRef::Func(_) => a.imported_functions += 1,
						TypeRef::Global(_) => a.globals += 1,
						TypeRef::Table(_) => tables += 1,
						_ => {}
					}
				}
			}
			Payload::GlobalSection(s) => a.globals += s.count(),
			Payload::TableSection(s) => tables += s.count(),
			_ => {}
		}
		if tables > MAX_TABLES {
			return Err(Refused::TooLarge(format!("more than {MAX_TABLES} tables")));
		}
		if let ValidPayload::Func(func, body) = validator.payload(&payload)? {
			check_size(a.frames.len(), &body)?;
			let ty = func_types
				.get(func.ty as usize)
				.ok_or_else(|| Refused::Invalid("function of a non-function type".into()))?
				.clone();
			let mut v = func.into_validator(std::mem::take(&mut allocs));
			let (values, operand_slots) = measure(&mut v, &body)?;
			allocs = v.into_allocations();
			let block = match ty.results() {
				[] => BlockType::Empty,
				[one] => BlockType::Result(val_type(*one)?),
				many => {
					let results =
						many.iter().map(|t| val_type(*t)).collect::<Result<Vec<_>, _>>()?;
					let index =
						a.new_types.iter().position(|t| *t == results).unwrap_or_else(|| {
							a.new_types.push(results);
							a.new_types.len() - 1
						});
					BlockType::FunctionType(func_types.len() as u32 + index as u32)
				}
			};
			let cost = frame_cost(ty.params().len() as u64 + values + operand_slots);
			a.frames.push(Frame { cost, block });
		}
	}
	a.types = func_types.len() as u32;
	Ok(a)
}

/// Refuses the function after `defined` others if the module or it is too large to
/// compile within bounds.
fn check_size(defined: usize, body: &FunctionBody<'_>) -> Result<(), Refused> {
	if defined >= MAX_FUNCTIONS as usize {
		return Err(Refused::TooLarge(format!("more than {MAX_FUNCTIONS} functions")));
	}
	let bytes = body.range().len();
	if bytes > MAX_FUNCTION_BYTES {
		return Err(Refused::TooLarge(format!(
			"function {defined} has {bytes} bytes of code, more than {MAX_FUNCTION_BYTES}"
		)));
	}
	Ok(())
}

/// Validates one function body: returns its declared locals and its deepest operand
/// stack.
fn measure(
	v: &mut wasmparser::FuncValidator<wasmparser::ValidatorResources>,
	body: &FunctionBody<'_>,
) -> Result<(u64, u64), Refused> {
	let mut locals = 0u64;
	let mut reader = body.get_locals_reader()?;
	for _ in 0..reader.get_count() {
		let offset = reader.original_position();
		let (count, ty) = reader.read()?;
		v.define_locals(offset, count, ty)?;
		locals += count as u64;
	}
	let mut ops = body.get_operators_reader()?;
	let mut deepest = 0u32;
	while !ops.eof() {
		let offset = ops.original_position();
		let op = ops.read()?;
		v.op(offset, &op)?;
		deepest = deepest.max(v.operand_stack_height());
	}
	ops.finish()?;
	Ok((locals, deepest as u64))
}

fn val_type(t: wasmparser::ValType) -> Result<ValType, Refused> {
	ValType::try_from(t).map_err(|e| Refused::Invalid(format!("{e:?}")))
}

/// The re-encoder that applies the [`Analysis`].
#[derive(Default)]
struct Rewrite {
	analysis: Analysis,
	next_function: usize,
	types_done: bool,
	imports_done: bool,
	global_added: bool,
}

/// Position of a section in the binary's section order.
fn order(id: SectionId) -> u8 {
	match id {
		SectionId::Type => 1,
		SectionId::Import => 2,
		SectionId::Function => 3,
		SectionId::Table => 4,
		SectionId::Memory => 5,
		SectionId::Tag => 6,
		SectionId::Global => 7,
		SectionId::Export => 8,
		SectionId::Start => 9,
		SectionId::Element => 10,
		SectionId::DataCount => 11,
		SectionId::Code => 12,
		SectionId::Data => 13,
		_ => 0,
	}
}

impl Rewrite {
	/// Type index of `[] -> []`, appended for the overflow import.
	fn overflow_type(&self) -> u32 {
		self.analysis.types + self.analysis.new_types.len() as u32
	}

	/// Appends the types the rewrite uses.
	fn finish_types(&mut self, types: &mut TypeSection) {
		for results in &self.analysis.new_types {
			types.ty().function([], results.iter().copied());
		}
		types.ty().function([], []);
		self.types_done = true;
	}

	fn add_overflow_import(&mut self, imports: &mut ImportSection) {
		imports.import(MODULE, OVERFLOW, EntityType::Function(self.overflow_type()));
		self.imports_done = true;
	}

	/// Index of the depth counter: after every imported and defined global.
	fn depth_global(&self) -> u32 {
		self.analysis.globals
	}

	fn add_global(&mut self, globals: &mut GlobalSection) {
		let ty = GlobalType { val_type: ValType::I32, mutable: true, shared: false };
		globals.global(ty, &ConstExpr::i32_const(0));
		self.global_added = true;
	}

	fn enter(&self, f: &mut Function, cost: u32) {
		let depth = self.depth_global();
		f.instruction(&Instruction::GlobalGet(depth));
		f.instruction(&Instruction::I32Const(cost as i32));
		f.instruction(&Instruction::I32Add);
		f.instruction(&Instruction::GlobalSet(depth));
		f.instruction(&Instruction::GlobalGet(depth));
		f.instruction(&Instruction::I32Const(MAX_DEPTH as i32));
		f.instruction(&Instruction::I32GtU);
		f.instruction(&Instruction::If(BlockType::Empty));
		f.instruction(&Instruction::Call(self.analysis.imported_functions));
		f.instruction(&Instruction::Unreachable);
		f.instruction(&Instruction::End);
	}

	fn leave(&self, f: &mut Function, cost: u32) {
		let depth = self.depth_global();
		f.instruction(&Instruction::GlobalGet(depth));
		f.instruction(&Instruction::I32Const(cost as i32));
		f.instruction(&Instruction::I32Sub);
		f.instruction(&Instruction::GlobalSet(depth));
	}
}

type ReencodeResult<T> = Result<T, reencode::Error<std::convert::Infallible>>;

impl Reencode for Rewrite {
	type Error = std::convert::Infallible;

	fn function_index(&mut self, func: u32) -> ReencodeResult<u32> {
		// The overflow import sits right after the module's own imports.
		Ok(if func < self.analysis.imported_functions { func } else { func + 1 })
	}

	fn parse_type_section(
		&mut self,
		types: &mut TypeSection,
		section: wasmparser::TypeSectionReader<'_>,
	) -> ReencodeResult<()> {
		reencode::utils::parse_type_section(self, types, section)?;
		self.finish_types(types);
		Ok(())
	}

	fn parse_import_section(
		&mut self,
		imports: &mut ImportSection,
		section: wasmparser::ImportSectionReader<'_>,
	) -> ReencodeResult<()> {
		reencode::utils::parse_import_section(self, imports, section)?;
		self.add_overflow_import(imports);
		Ok(())
	}

	fn parse_global_section(
		&mut self,
		globals: &mut GlobalSection,
		section: wasmparser::GlobalSectionReader<'_>,
	) -> ReencodeResult<()> {
		reencode::utils::parse_global_section(self, globals, section)?;
		self.add_global(globals);
		Ok(())
	}

	fn intersperse_section_hook(
		&mut self,
		module: &mut Module,
		_after: Option<SectionId>,
		before: Option<SectionId>,
	) -> ReencodeResult<()> {
		// A module without globals (or imports, or types) gets the section it lacks, in
		// its place in the section order.
		let past = |id: SectionId| before.is_none_or(|b| order(b) > order(id));
		if !self.types_done && past(SectionId::Type) {
			let mut types = TypeSection::new();
			self.finish_types(&mut types);
			module.section(&types);
		}
		if !self.imports_done && past(SectionId::Import) {
			let mut imports = ImportSection::new();
			self.add_overflow_import(&mut imports);
			module.section(&imports);
		}
		if !self.global_added && past(SectionId::Global) {
			let mut globals = GlobalSection::new();
			self.add_global(&mut globals);
			module.section(&globals);
		}
		Ok(())
	}

	fn parse_function_body(
		&mut self,
		code: &mut CodeSection,
		func: FunctionBody<'_>,
	) -> ReencodeResult<()> {
		let Some(frame) = self.analysis.frames.get(self.next_function) else {
			return Err(reencode::Error::InvalidCodeSectionSize);
		};
		let (cost, block) = (frame.cost, frame.block);
		self.next_function += 1;
		let mut f = self.new_function_with_parsed_locals(&func)?;
		self.enter(&mut f, cost);
		f.instruction(&Instruction::Block(block));
		let mut open = 0u32;
		let mut ops = func.get_operators_reader()?;
		while !ops.eof() {
			let op = ops.read()?;
			match op {
				Operator::Block { .. }
				| Operator::Loop { .. }
				| Operator::If { .. }
				| Operator::Try { .. }
				| Operator::TryTable { .. } => open += 1,
				Operator::End if open == 0 => {
					// The body's end: close the wrapper, leave, end the function.
					f.instruction(&Instruction::End);
					self.leave(&mut f, cost);
					f.instruction(&Instruction::End);
					continue;
				}
				Operator::End => open -= 1,
				Operator::Return => {
					f.instruction(&Instruction::Br(open));
					continue;
				}
				Operator::ReturnCall { .. }
				| Operator::ReturnCallIndirect { .. }
				| Operator::ReturnCallRef { .. } => self.leave(&mut f, cost),
				_ => {}
			}
			f.instruction(&self.instruction(op)?);
		}
		code.function(&f);
		Ok(())
	}
}

/// Defines the overflow function: it stops the job with [`HostStop::StackOverflow`].
pub fn add_to_linker(linker: &mut wasmtime::Linker<JobState>) -> anyhow::Result<()> {
	linker.func_wrap(MODULE, OVERFLOW, || -> wasmtime::Result<()> {
		Err(HostStop::StackOverflow.into())
	})?;
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn valid(code: &[u8]) -> bool {
		Validator::new_with_features(WasmFeatures::all()).validate_all(code).is_ok()
	}

	#[test]
	fn modules_lacking_sections_get_them_in_order() {
		for wat in [
			"(module)",
			"(module (func))",
			"(module (global i32 (i32.const 1)) (func (result i32) (global.get 0)))",
			r#"(module (import "wasi_snapshot_preview1" "sched_yield" (func (result i32)))
			   (func (export "_start") (drop (call 0))) (start 1))"#,
			r#"(module (type (func (result i32 i64))) (func (type 0) (i32.const 1) (i64.const 2))
			   (func (result i64 i32) (i64.const 2) (i32.const 1))
			   (table 2 funcref) (elem (i32.const 0) 0 1) (data (i32.const 0) "x")
			   (memory 1))"#,
		] {
			let code = wat::parse_str(wat).unwrap();
			let out = instrument(&code).unwrap();
			assert!(valid(&out), "{wat}");
		}
	}

	#[test]
	fn a_frame_costs_its_parameters_locals_and_deepest_operand_stack() {
		let code = wat::parse_str(
			"(module (func (param i32 i64 f32) (local v128 i32)
			   (drop (i32.add (i32.const 1) (i32.mul (i32.const 2) (i32.const 3))))))",
		)
		.unwrap();
		let a = analyse(&code).unwrap();
		assert_eq!(a.frames[0].cost, FRAME_BASE + 3 + 2 + 3);
		// A frame dearer than the limit overflows on entry, without wrapping the counter.
		assert_eq!(frame_cost(u64::MAX / 2), MAX_DEPTH + 1);
	}

	#[test]
	fn modules_too_large_to_compile_within_bounds_are_refused() {
		let many = "(func)".repeat(MAX_FUNCTIONS as usize);
		let fits = wat::parse_str(format!("(module {many})")).unwrap();
		assert!(instrument(&fits).is_ok());
		let too_many = wat::parse_str(format!("(module {many} (func))")).unwrap();
		assert!(matches!(instrument(&too_many), Err(Refused::TooLarge(_))));
		// `nop` is one byte.
		let body = |n: usize| format!("(module (func {}))", "nop ".repeat(n));
		assert!(instrument(&wat::parse_str(body(MAX_FUNCTION_BYTES - 8)).unwrap()).is_ok());
		let big = wat::parse_str(body(MAX_FUNCTION_BYTES + 1)).unwrap();
		assert!(matches!(instrument(&big), Err(Refused::TooLarge(_))));
		let tables = |n: u32| {
			wat::parse_str(format!("(module {})", "(table 1 funcref)".repeat(n as usize))).unwrap()
		};
		assert!(instrument(&tables(MAX_TABLES)).is_ok());
		assert!(matches!(instrument(&tables(MAX_TABLES + 1)), Err(Refused::TooLarge(_))));
	}

	#[test]
	fn invalid_and_reserved_modules_are_refused() {
		assert!(matches!(instrument(b"\0asm\x01\0\0\0\x01"), Err(Refused::Invalid(_))));
		let code = wat::parse_str(r#"(module (import "depin" "x" (func)))"#).unwrap();
		assert!(matches!(instrument(&code), Err(Refused::Reserved)));
	}
}
