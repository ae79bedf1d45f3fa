package org.laurel.bloc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.bloc.BlocCommands.BlocChange;
import org.laurel.bloc.BlocCommands.DescriptionChange;
import org.laurel.bloc.BlocCommands.NewBloc;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Blocs and councils")
class BlocApi {

  private final Blocs blocs;
  private final Councils councils;

  BlocApi(Blocs blocs, Councils councils) {
    this.blocs = blocs;
    this.councils = councils;
  }

  @GetMapping("/blocs")
  @Operation(summary = "Blocs of a year (all years when omitted), with their members")
  List<BlocView> blocs(@RequestParam(required = false) @Nullable Integer year) {
    return blocs.list(year);
  }

  @GetMapping("/blocs/{id}")
  BlocView bloc(@PathVariable long id) {
    return blocs.get(id);
  }

  @PostMapping("/blocs")
  ResponseEntity<BlocView> create(@Valid @RequestBody NewBloc cmd) {
    BlocView b = blocs.create(cmd);
    return ResponseEntity.created(URI.create("/api/v1/blocs/" + b.id())).body(b);
  }

  @PutMapping("/blocs/{id}")
  BlocView update(@PathVariable long id, @Valid @RequestBody BlocChange cmd) {
    return blocs.update(id, cmd);
  }

  @PutMapping("/blocs/{id}/description")
  @Operation(summary = "The bloc's description; its head unit may change it")
  BlocView describe(@PathVariable long id, @Valid @RequestBody DescriptionChange cmd) {
    return blocs.describe(id, cmd);
  }

  @GetMapping("/councils")
  List<CouncilView> councils() {
    return councils.list();
  }

  @GetMapping("/councils/{id}")
  CouncilView council(@PathVariable long id) {
    return councils.get(id);
  }

  @PostMapping("/councils")
  ResponseEntity<CouncilView> createCouncil(@Valid @RequestBody Councils.NewCouncil cmd) {
    CouncilView c = councils.create(cmd);
    return ResponseEntity.created(URI.create("/api/v1/councils/" + c.id())).body(c);
  }

  @PostMapping("/councils/{id}/members")
  ResponseEntity<CouncilView.Member> addMember(
      @PathVariable long id, @Valid @RequestBody Councils.NewMember cmd) {
    CouncilView.Member m = councils.addMember(id, cmd);
    return ResponseEntity.created(URI.create("/api/v1/councils/" + id)).body(m);
  }

  @PutMapping("/councils/{id}/members/{memberId}")
  CouncilView.Member changeMember(
      @PathVariable long id,
      @PathVariable long memberId,
      @Valid @RequestBody Councils.MemberChange cmd) {
    return councils.changeMember(id, memberId, cmd);
  }
}
