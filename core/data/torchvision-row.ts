// The builders of the vision FLOPs table's rows: `visionRow`, the one shape every table in core/data gives its rows, and
// `tv`, a row from torchvision's weights metadata (`_ops`, GMACs at the weights' input, and `num_params` as
// pytorch/vision publishes them in torchvision/models/*.py and in its documentation tables). FLOPs = 2 × MACs, the
// table's convention.

import type { ArchitectureInfo } from '../types';

/** Where torchvision's weights metadata lives. */
export const TV = 'pytorch/vision torchvision/models';

/**
 * One vision row of the FLOPs table, as every builder in core/data makes it (torchvision's metadata below, the video,
 * YOLO, detection and mobile-network tables): `forwardFlops` = 2 × MACs at a reference input of side `resolution` (the
 * square of the same pixels for another shape), described by `note`.
 */
export function visionRow(r: {
  id: string;
  name: string;
  family: ArchitectureInfo['family'];
  params: number;
  forwardFlops: number;
  resolution: number;
  note: string;
  aliases: string[];
  source: string;
  year: number;
  exactAliases?: string[];
  runFactor?: ArchitectureInfo['runFactor'];
}): ArchitectureInfo {
  return {
    id: r.id,
    name: r.name,
    modality: 'vision',
    family: r.family,
    params: Math.round(r.params),
    forwardFlops: r.forwardFlops,
    reference: { resolution: r.resolution, note: r.note },
    aliases: r.aliases,
    ...(r.exactAliases ? { exactAliases: r.exactAliases } : {}),
    ...(r.runFactor ? { runFactor: r.runFactor } : {}),
    source: r.source,
    year: r.year,
  };
}

/**
 * [S] A vision row from torchvision's weights metadata: `gmacs` (`_ops`) and `params` (`num_params`) at a square input
 * of side `resolution`, from `file` under torchvision/models; `paper` and `year` the network's publication; `note` the
 * reference input when it is not a plain square RGB image (detection networks resize every image themselves).
 */
export function tv(
  id: string,
  name: string,
  family: ArchitectureInfo['family'],
  gmacs: number,
  params: number,
  resolution: number,
  file: string,
  aliases: string[],
  paper: string,
  year: number,
  note?: string,
): ArchitectureInfo {
  return visionRow({
    id,
    name,
    family,
    params,
    forwardFlops: 2 * gmacs * 1e9,
    resolution,
    note: note ?? `${resolution}×${resolution} RGB image`,
    aliases,
    source: `[S] ${TV}/${file} weights metadata (_ops ${gmacs} GMACs at ${resolution} px, num_params ${params.toLocaleString('en-US')}); ${paper}`,
    year,
  });
}
