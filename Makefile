# FieldSurvey — the two commands of the README, and a few helpers.
#   make run    install what is missing, build, open the app on the built-in demo survey
#   make test   install what is missing, build, run the whole test suite
BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_ARGS ?=
JOBS       ?= $(shell nproc)
ARGS       ?=

.PHONY: all deps configure build run test sanitize translations bench clean

all: build

deps:
	./installer/deps-debian.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

build: configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

run: configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS) --target fieldsurvey
	$(BUILD_DIR)/app/fieldsurvey --demo $(ARGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure --parallel $(JOBS) --timeout 600

# The test suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	$(MAKE) test BUILD_DIR=build-asan BUILD_TYPE=Debug CMAKE_ARGS=-DFIELDSURVEY_SANITIZE=ON

# Benchmarks that print figures (on demand; not part of make test).
bench: configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS) --target bench

# Refresh resources/translations/*.ts from the sources (then translate with Qt Linguist).
translations: configure
	cmake --build $(BUILD_DIR) --target update_translations

clean:
	rm -rf $(BUILD_DIR) build-asan
